using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Import;

/// <summary>The user's people by email, profile URL and name, for matching imported contacts.</summary>
internal sealed class PersonIndex
{
    private readonly Dictionary<string, string> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byLink = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public PersonIndex(IEnumerable<Person> people)
    {
        foreach (var person in people)
        {
            Add(person);
        }
    }

    /// <summary>
    /// The id of the person the contact is: by any email, else any link; by name only when the
    /// contact has neither (a name alone is a weak match, but it keeps re-imports from duplicating).
    /// </summary>
    public string? Find(ImportedContact contact)
    {
        foreach (var email in contact.Emails)
        {
            if (_byEmail.TryGetValue(email, out var id))
            {
                return id;
            }
        }

        foreach (var link in contact.Links)
        {
            if (LinkKey(link) is { } key && _byLink.TryGetValue(key, out var id))
            {
                return id;
            }
        }

        return contact.Emails.Count == 0 && contact.Links.Count == 0 && contact.Name.Length > 0 && _byName.TryGetValue(contact.Name, out var byName)
            ? byName
            : null;
    }

    public void Add(Person person)
    {
        foreach (var email in person.Emails)
        {
            _byEmail.TryAdd(email, person.Id);
        }

        foreach (var link in person.Links)
        {
            if (LinkKey(link) is { } key)
            {
                _byLink.TryAdd(key, person.Id);
            }
        }

        _byName.TryAdd(person.Name, person.Id);
    }

    /// <summary>A URL without scheme, "www.", query, fragment and trailing slash, lower case; null when not a URL.</summary>
    public static string? LinkKey(string link)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return (host + uri.AbsolutePath.TrimEnd('/')).ToLowerInvariant();
    }
}
