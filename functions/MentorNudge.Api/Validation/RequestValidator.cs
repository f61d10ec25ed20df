using System.Globalization;
using System.Net.Mail;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Azure.Pipeline;
using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using NodaTime;

namespace MentorNudge.Api.Validation;

/// <summary>
/// Checks every request field before anything is written, so a 4xx never leaves half a change.
/// Limits are generous for people and strict for anything that ends up in an email header.
/// </summary>
public static class RequestValidator
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxNoteLength = 10_000;
    public const int MaxTextLength = 20_000;
    public const int MaxListItems = 20;
    public const int MaxItemLength = 500;

    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static DateTimeZone? Zone(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 64 ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    public static bool IsCountry(string? code)
    {
        if (code is not { Length: 2 } || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        try
        {
            _ = new RegionInfo(code);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool IsEmail(string? value) =>
        value is { Length: > 2 and <= MaxEmailLength }
        && !HasControl(value)
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && value.Contains('@', StringComparison.Ordinal);

    public static bool HasControl(string value) => value.Any(char.IsControl);

    public static void Line(FieldErrors errors, string field, string? value, int max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "Required.");
            }

            return;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Must not be empty.");
        }
        else if (value.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }
        else if (HasControl(value))
        {
            errors.Add(field, "Must be a single line without control characters.");
        }
    }

    public static void Text(FieldErrors errors, string field, string? value, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(field, "Must not contain control characters.");
        }
    }

    public static bool IsHttpUrl(string? value, out Uri? uri)
    {
        uri = null;
        return value is { Length: > 0 and <= 2048 }
            && !HasControl(value)
            && Uri.TryCreate(value, UriKind.Absolute, out uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.UserInfo);
    }

    /// <summary>Adds the Core validator's findings (supported countries, vacation limits, …) to <paramref name="errors"/>.</summary>
    public static void AddCore(FieldErrors errors, IEnumerable<FieldError> found)
    {
        foreach (var e in found)
        {
            errors.Add(e.Field, e.Message);
        }
    }

    public static (UserSettings? Settings, FieldErrors Errors) Settings(SettingsRequest r, WebhookSettings? current, Func<string> newSecret, IClock clock)
    {
        var errors = new FieldErrors();
        if (!IsEmail(r.Email))
        {
            errors.Add("email", r.Email is null ? "Required." : "Not a valid email address.");
        }

        Line(errors, "displayName", r.DisplayName, MaxNameLength, required: false);
        if (Zone(r.TimeZone) is null)
        {
            errors.Add("timeZone", r.TimeZone is null ? "Required." : "Not an IANA time zone id, e.g. Europe/London.");
        }

        if (!IsCountry(r.Country))
        {
            errors.Add("country", r.Country is null ? "Required." : "Not an ISO 3166-1 alpha-2 country code, e.g. GB.");
        }

        var workDays = r.WorkDays ?? [.. UserSettings.DefaultWorkDays];
        if (workDays.Count == 0 || workDays.Any(d => d == IsoDayOfWeek.None) || workDays.Distinct().Count() != workDays.Count)
        {
            errors.Add("workDays", "One to seven distinct days, e.g. [\"monday\", \"tuesday\"].");
        }

        var digest = r.WeeklyDigest;
        var digestDay = digest?.Day ?? WeeklyDigestSettings.Default.Day;
        if (digestDay == IsoDayOfWeek.None)
        {
            errors.Add("weeklyDigest.day", "A day of the week.");
        }

        var maxPrompts = digest?.MaxPrompts ?? WeeklyDigestSettings.Default.MaxPrompts;
        if (maxPrompts is < 1 or > 10)
        {
            errors.Add("weeklyDigest.maxPrompts", "Between 1 and 10.");
        }

        var fu = r.FollowUp;
        var first = fu?.FirstAfterBusinessDays ?? FollowUpPolicy.Default.FirstAfterBusinessDays;
        var then = fu?.ThenAfterBusinessDays ?? FollowUpPolicy.Default.ThenAfterBusinessDays;
        var max = fu?.MaxFollowUps ?? FollowUpPolicy.Default.MaxFollowUps;
        if (first is < 1 or > 60)
        {
            errors.Add("followUp.firstAfterBusinessDays", "Between 1 and 60.");
        }

        if (then is < 1 or > 60)
        {
            errors.Add("followUp.thenAfterBusinessDays", "Between 1 and 60.");
        }

        if (max is < 0 or > 5)
        {
            errors.Add("followUp.maxFollowUps", "Between 0 and 5.");
        }

        if (r.ExtraHolidays is { Count: > 366 })
        {
            errors.Add("extraHolidays", "At most 366 dates.");
        }

        WebhookSettings? webhook = null;
        if (r.Webhook is { } w)
        {
            if (!IsHttpUrl(w.Url, out var url))
            {
                errors.Add("webhook.url", w.Url is null ? "Required." : "An absolute https URL without credentials.");
            }

            if (w.Secret is not null && (w.Secret.Length is < 16 or > 256 || HasControl(w.Secret)))
            {
                errors.Add("webhook.secret", "16 to 256 printable characters.");
            }

            if (w.InboundSecret is not null && (w.InboundSecret.Length is < 16 or > 256 || HasControl(w.InboundSecret)))
            {
                errors.Add("webhook.inboundSecret", "16 to 256 printable characters.");
            }

            var secret = w.Secret ?? current?.Secret ?? newSecret();
            var inbound = w.InboundSecret ?? current?.InboundSecret ?? newSecret();
            if (inbound == secret)
            {
                errors.Add("webhook.inboundSecret", "Must differ from webhook.secret: the receiver of deliveries must not be able to sign inbound events.");
            }

            if (url is not null)
            {
                webhook = new WebhookSettings(url, w.Format ?? WebhookFormat.Generic, secret, inbound);
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var settings = new UserSettings(
            r.TimeZone!,
            r.Country!,
            workDays.Order().ToList(),
            r.ReminderTime ?? UserSettings.DefaultReminderTime,
            new WeeklyDigestSettings(digestDay, digest?.Time ?? WeeklyDigestSettings.Default.Time, maxPrompts, digest?.Enabled ?? true),
            new FollowUpPolicy(first, then, max),
            r.VacationUntil,
            r.ExtraHolidays?.Distinct().Order().ToList(),
            webhook);
        AddCore(errors, new UserSettingsValidator(clock).Validate(settings));
        return errors.Any ? (null, errors) : (settings, errors);
    }

    public static (PersonDraft? Draft, FieldErrors Errors) Person(PersonRequest r)
    {
        var errors = new FieldErrors();
        Line(errors, "name", r.Name, MaxNameLength, required: true);
        var emails = r.Emails ?? [];
        if (emails.Count > MaxListItems)
        {
            errors.Add("emails", $"At most {MaxListItems} addresses.");
        }

        for (var i = 0; i < Math.Min(emails.Count, MaxListItems); i++)
        {
            if (!IsEmail(emails[i]))
            {
                errors.Add($"emails[{i}]", "Not a valid email address.");
            }
        }

        var interests = r.Interests ?? [];
        if (interests.Count > MaxListItems)
        {
            errors.Add("interests", $"At most {MaxListItems} items.");
        }

        for (var i = 0; i < Math.Min(interests.Count, MaxListItems); i++)
        {
            Line(errors, $"interests[{i}]", interests[i], MaxItemLength, required: true);
        }

        var links = r.Links ?? [];
        if (links.Count > MaxListItems)
        {
            errors.Add("links", $"At most {MaxListItems} links.");
        }

        for (var i = 0; i < Math.Min(links.Count, MaxListItems); i++)
        {
            if (!IsHttpUrl(links[i], out _))
            {
                errors.Add($"links[{i}]", "An absolute http or https URL.");
            }
        }

        Text(errors, "notes", r.Notes, MaxNoteLength);
        if (r.KeepInTouchEveryDays is < 1 or > 3650)
        {
            errors.Add("keepInTouchEveryDays", "Between 1 and 3650, or null for never.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var draft = new PersonDraft(
            r.Name!.Trim(),
            emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            r.Connection ?? Connection.Existing,
            r.Role ?? PersonRole.Mentor,
            interests.Select(i => i.Trim()).ToList(),
            links,
            r.Notes,
            r.KeepInTouchEveryDays);
        var asPerson = new Person("new", "new", draft.Name, draft.Emails ?? [], draft.Connection, draft.Role, draft.Interests ?? [], draft.Links ?? [], draft.Notes, draft.KeepInTouchEveryDays, Instant.MinValue);
        AddCore(errors, PersonValidator.Validate(asPerson));
        return errors.Any ? (null, errors) : (draft, errors);
    }

    public static FieldErrors Outreach(OutreachRequest r, Instant now)
    {
        var errors = new FieldErrors();
        Line(errors, "channel", r.Channel, 50, required: false);
        Line(errors, "subject", r.Subject, 300, required: false);
        Text(errors, "text", r.Text, MaxTextLength);
        if (r.SentAt is { } s && s > now + Duration.FromMinutes(5))
        {
            errors.Add("sentAt", "Must not be in the future.");
        }

        return errors;
    }

    public static FieldErrors Interaction(InteractionRequest r, Instant now)
    {
        var errors = new FieldErrors();
        if (r.Kind is null)
        {
            errors.Add("kind", "Required.");
        }

        Text(errors, "note", r.Note, MaxNoteLength);
        if (r.At is { } at && at > now + Duration.FromMinutes(5))
        {
            errors.Add("at", "Must not be in the future.");
        }

        return errors;
    }
}
