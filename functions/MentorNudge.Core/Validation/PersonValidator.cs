using System.Net.Mail;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Validation;

/// <summary>
/// Checks a person before anything is stored. Field names are the camelCase JSON names of
/// <c>/api/v1/people</c>; list items are named <c>emails[0]</c>, <c>links[2]</c>, ….
/// </summary>
public static class PersonValidator
{
    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest email address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Longest link.</summary>
    public const int MaxLinkLength = 2048;

    /// <summary>Longest interest.</summary>
    public const int MaxInterestLength = 100;

    /// <summary>Longest notes.</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Most items in each list (emails, interests, links).</summary>
    public const int MaxListItems = 20;

    /// <summary>All problems with <paramref name="person"/>; empty when valid.</summary>
    public static IReadOnlyList<FieldError> Validate(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var errors = new List<FieldError>();

        if (string.IsNullOrWhiteSpace(person.Name))
        {
            errors.Add(new("name", "A name is required."));
        }
        else if (person.Name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"At most {MaxNameLength} characters; got {person.Name.Length}."));
        }
        else if (person.Name.Any(char.IsControl))
        {
            // Names go into email subjects and headers: a line break there would forge headers.
            errors.Add(new("name", "A name must be one line, without line breaks or control characters."));
        }

        CheckList(errors, "emails", person.Emails, (field, email) =>
        {
            if (email.Length > MaxEmailLength || !IsEmailAddress(email))
            {
                errors.Add(new(field, $"'{Shorten(email)}' is not a valid email address (like name@example.com)."));
            }
        });

        CheckList(errors, "interests", person.Interests, (field, interest) =>
        {
            if (string.IsNullOrWhiteSpace(interest) || interest.Length > MaxInterestLength || interest.Any(char.IsControl))
            {
                errors.Add(new(field, $"An interest is one line of 1 to {MaxInterestLength} characters."));
            }
        });

        CheckList(errors, "links", person.Links, (field, link) =>
        {
            if (link.Length > MaxLinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(new(field, $"A link must be an absolute http or https URL of at most {MaxLinkLength} characters."));
            }
        });

        if (person.Notes is { Length: > MaxNotesLength })
        {
            errors.Add(new("notes", $"At most {MaxNotesLength} characters; got {person.Notes.Length}."));
        }
        else if (person.Notes is not null && person.Notes.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(new("notes", "Notes must not contain control characters other than line breaks and tabs."));
        }

        if (person.KeepInTouchEveryDays is { } days && (days < 1 || days > 365))
        {
            errors.Add(new("keepInTouchEveryDays", $"Must be between 1 and 365 days, or null for never; got {days}."));
        }

        if (!Enum.IsDefined(person.Connection))
        {
            errors.Add(new("connection", "The connection must be existing or admired."));
        }

        if (!Enum.IsDefined(person.Role))
        {
            errors.Add(new("role", "The role must be mentor, sponsor, peer, teacher or other."));
        }

        return errors;
    }

    /// <summary>True for a bare address such as <c>name@example.com</c> (no display name, no angle brackets).</summary>
    public static bool IsEmailAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (!MailAddress.TryCreate(value, out var address) || address.Address != value)
        {
            return false;
        }

        // MailAddress accepts a dotless host ("a@b"); people's real addresses have a domain.
        var host = address.Host;
        return host.Contains('.', StringComparison.Ordinal) && !host.StartsWith('.') && !host.EndsWith('.');
    }

    private static void CheckList(List<FieldError> errors, string field, IReadOnlyList<string>? items, Action<string, string> check)
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > MaxListItems)
        {
            errors.Add(new(field, $"At most {MaxListItems} items; got {items.Count}."));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var name = $"{field}[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(new(name, "Must not be null."));
                continue;
            }

            check(name, item);
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 57), "...");
}
