using System.Globalization;
using System.Net.Mail;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using NodaTime;

namespace MentorNudge.Api.Validation;

/// <summary>
/// Checks every request field before anything is written, so a 4xx never leaves half a change.
/// For settings and people it only parses, fills defaults and names missing fields: the rules are
/// the Core's (<see cref="UserSettingsValidator"/>, <see cref="PersonValidator"/>), reported field
/// by field. Outreach and interaction requests have no Core model to check yet; their limits are here.
/// </summary>
public static class RequestValidator
{
    public const int MaxNameLength = PersonValidator.MaxNameLength;
    public const int MaxEmailLength = PersonValidator.MaxEmailLength;
    public const int MaxInteractionNoteLength = 10_000;
    public const int MaxTextLength = 20_000;

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

    /// <summary>The Core's rule for an email address (<see cref="PersonValidator.IsEmailAddress"/>).</summary>
    public static bool IsEmail(string? value) =>
        value is { Length: <= MaxEmailLength } && PersonValidator.IsEmailAddress(value);

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

    /// <summary>
    /// Adds the Core validator's findings to <paramref name="errors"/>, except for a field already
    /// reported as missing (the Core would only repeat it in other words).
    /// </summary>
    public static void AddCore(FieldErrors errors, IEnumerable<FieldError> found)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(found);
        var missing = errors.Fields.ToHashSet(StringComparer.Ordinal);
        foreach (var e in found.Where(e => !missing.Contains(e.Field)))
        {
            errors.Add(e.Field, e.Message);
        }
    }

    /// <summary>
    /// Parses a settings request: fills defaults, names the missing required fields, and reports the
    /// Core's rules (<see cref="UserSettingsValidator.ValidateProfile"/>) for everything else.
    /// </summary>
    public static (UserSettings? Settings, FieldErrors Errors) Settings(SettingsRequest r, WebhookSettings? current, Func<string> newSecret, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(newSecret);
        var errors = new FieldErrors();
        Required(errors, "email", r.Email);
        Required(errors, "timeZone", r.TimeZone);
        Required(errors, "country", r.Country);

        var digest = r.WeeklyDigest;
        var fu = r.FollowUp;
        WebhookSettings? webhook = null;
        if (r.Webhook is { } w)
        {
            if (w.Url is null)
            {
                errors.Add("webhook.url", "Required.");
            }
            else if (!Uri.TryCreate(w.Url, UriKind.Absolute, out var url))
            {
                errors.Add("webhook.url", "The webhook URL must be an absolute https URL.");
            }
            else
            {
                webhook = new WebhookSettings(url, w.Format ?? WebhookFormat.Generic, w.Secret ?? current?.Secret ?? newSecret(), w.InboundSecret ?? current?.InboundSecret ?? newSecret());
            }
        }

        var settings = new UserSettings(
            r.TimeZone ?? "",
            r.Country ?? "",
            (r.WorkDays ?? [.. UserSettings.DefaultWorkDays]).Order().ToList(),
            r.ReminderTime ?? UserSettings.DefaultReminderTime,
            new WeeklyDigestSettings(
                digest?.Day ?? WeeklyDigestSettings.Default.Day,
                digest?.Time ?? WeeklyDigestSettings.Default.Time,
                digest?.MaxPrompts ?? WeeklyDigestSettings.Default.MaxPrompts,
                digest?.Enabled ?? true),
            new FollowUpPolicy(
                fu?.FirstAfterBusinessDays ?? FollowUpPolicy.Default.FirstAfterBusinessDays,
                fu?.ThenAfterBusinessDays ?? FollowUpPolicy.Default.ThenAfterBusinessDays,
                fu?.MaxFollowUps ?? FollowUpPolicy.Default.MaxFollowUps),
            r.VacationUntil,
            r.ExtraHolidays?.Distinct().Order().ToList(),
            webhook);
        AddCore(errors, new UserSettingsValidator(clock).ValidateProfile(r.Email, r.DisplayName, settings));
        return errors.Any ? (null, errors) : (settings, errors);
    }

    /// <summary>Checks an admin's new-user request against the Core's profile rules, with the default settings.</summary>
    public static FieldErrors CreateUser(CreateUserRequest r, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new FieldErrors();
        Required(errors, "email", r.Email);
        Required(errors, "timeZone", r.TimeZone);
        Required(errors, "country", r.Country);
        AddCore(errors, new UserSettingsValidator(clock).ValidateProfile(r.Email, r.DisplayName, UserSettings.CreateDefault(r.TimeZone ?? "", r.Country ?? "")));
        return errors;
    }

    /// <summary>
    /// Parses a person request: fills defaults, trims, and reports the Core's rules
    /// (<see cref="PersonValidator"/>) field by field.
    /// </summary>
    public static (PersonDraft? Draft, FieldErrors Errors) Person(PersonRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new FieldErrors();
        Required(errors, "name", r.Name);
        var draft = new PersonDraft(
            r.Name?.Trim() ?? "",
            (r.Emails ?? []).Select(e => e?.Trim()!).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            r.Connection ?? Connection.Existing,
            r.Role ?? PersonRole.Mentor,
            (r.Interests ?? []).Select(i => i?.Trim()!).ToList(),
            r.Links ?? [],
            r.Notes,
            r.KeepInTouchEveryDays);
        var asPerson = new Person("new", "new", draft.Name, draft.Emails ?? [], draft.Connection, draft.Role, draft.Interests ?? [], draft.Links ?? [], draft.Notes, draft.KeepInTouchEveryDays, Instant.MinValue);
        AddCore(errors, PersonValidator.Validate(asPerson));
        return errors.Any ? (null, errors) : (draft, errors);
    }

    /// <summary>A required field the request left out: named once, before the Core looks at the rest.</summary>
    private static void Required(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, "Required.");
        }
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

        Text(errors, "note", r.Note, MaxInteractionNoteLength);
        if (r.At is { } at && at > now + Duration.FromMinutes(5))
        {
            errors.Add("at", "Must not be in the future.");
        }

        return errors;
    }
}
