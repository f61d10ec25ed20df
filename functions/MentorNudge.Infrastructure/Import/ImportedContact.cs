using MentorNudge.Core.Import;
using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Import;

/// <summary>A contact cleaned up for import: one-line name, distinct emails and links, notes from title and company.</summary>
internal sealed record ImportedContact(string Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Links, string? Notes)
{
    public static ImportedContact From(ContactCard card)
    {
        var name = string.Join(' ', card.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var emails = card.Emails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var links = new List<string>();
        foreach (var link in card.Links.Select(WithScheme).Where(l => l.Length > 0))
        {
            if (!links.Any(l => PersonIndex.LinkKey(l) == PersonIndex.LinkKey(link)))
            {
                links.Add(link);
            }
        }

        var role = (card.Title, card.Company) switch
        {
            ({ } title, { } company) => $"{title} at {company}",
            ({ } title, null) => title,
            (null, { } company) => company,
            _ => null,
        };
        var notes = string.Join("\n", new[] { role, card.Note }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new ImportedContact(name, emails, links, notes.Length == 0 ? null : notes);
    }

    /// <summary>
    /// <paramref name="person"/> with this contact's new emails and links added, notes and
    /// keep-in-touch filled in only where empty; null when nothing would change.
    /// </summary>
    public Person? MergeInto(Person person, int? keepInTouchEveryDays)
    {
        var emails = person.Emails.Concat(Emails.Where(e => !person.Emails.Contains(e, StringComparer.OrdinalIgnoreCase))).ToList();
        var known = person.Links.Select(PersonIndex.LinkKey).ToHashSet(StringComparer.Ordinal);
        var links = person.Links.Concat(Links.Where(l => !known.Contains(PersonIndex.LinkKey(l)))).ToList();
        var merged = person with
        {
            Emails = emails,
            Links = links,
            Notes = string.IsNullOrWhiteSpace(person.Notes) ? Notes ?? person.Notes : person.Notes,
            KeepInTouchEveryDays = person.KeepInTouchEveryDays ?? keepInTouchEveryDays,
        };
        var same = emails.Count == person.Emails.Count && links.Count == person.Links.Count
            && merged.Notes == person.Notes && merged.KeepInTouchEveryDays == person.KeepInTouchEveryDays;
        return same ? null : merged;
    }

    // LinkedIn and people often write "www.linkedin.com/in/…" without a scheme.
    private static string WithScheme(string link)
    {
        var trimmed = link.Trim();
        return trimmed.Length > 0 && !trimmed.Contains("://", StringComparison.Ordinal) && trimmed.Contains('.', StringComparison.Ordinal) && !trimmed.Contains('@', StringComparison.Ordinal)
            ? "https://" + trimmed
            : trimmed;
    }
}
