using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Validation;

/// <summary>
/// The one set of rules for a user's profile and settings, checked before anything is stored: the
/// API and the web app report these errors field by field, the use cases refuse what breaks them.
/// Field names are the camelCase JSON names of <c>/api/v1/me</c>. Needs the clock only to bound
/// how far ahead a vacation may reach.
/// </summary>
public sealed class UserSettingsValidator(IClock clock)
{
    /// <summary>How far ahead a vacation may end.</summary>
    public static Period MaxVacationAhead { get; } = Period.FromDays(366);

    /// <summary>Most user-supplied extra holidays.</summary>
    public const int MaxExtraHolidays = 366;

    /// <summary>Longest display name (it goes into email headers).</summary>
    public const int MaxDisplayNameLength = 200;

    /// <summary>Most business days before the first follow-up, and between follow-ups.</summary>
    public const int MaxBusinessDays = 30;

    /// <summary>Most follow-ups per ask.</summary>
    public const int MaxFollowUps = 5;

    /// <summary>Most prompts in one weekly digest.</summary>
    public const int MaxDigestPrompts = 10;

    /// <summary>Shortest webhook secret (either direction).</summary>
    public const int MinSecretLength = 16;

    /// <summary>Longest webhook secret (either direction).</summary>
    public const int MaxSecretLength = 256;

    private readonly IClock clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>All problems with a user's profile: the address, the display name and the settings; empty when valid.</summary>
    public IReadOnlyList<FieldError> ValidateProfile(string? email, string? displayName, UserSettings settings)
    {
        var errors = new List<FieldError>();
        if (email is null || email.Length > PersonValidator.MaxEmailLength || !PersonValidator.IsEmailAddress(email))
        {
            errors.Add(new("email", "A valid email address is required (like name@example.com)."));
        }

        if (displayName is { Length: > MaxDisplayNameLength })
        {
            errors.Add(new("displayName", $"At most {MaxDisplayNameLength} characters; got {displayName.Length}."));
        }
        else if (displayName is not null && displayName.Any(char.IsControl))
        {
            errors.Add(new("displayName", "A display name must be one line, without line breaks or control characters."));
        }

        errors.AddRange(Validate(settings));
        return errors;
    }

    /// <summary>All problems with <paramref name="settings"/>; empty when valid.</summary>
    public IReadOnlyList<FieldError> Validate(UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<FieldError>();

        var zone = settings.TimeZoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZoneId);
        if (zone is null)
        {
            errors.Add(new("timeZone",
                $"'{settings.TimeZoneId}' is not a known time zone. Use an IANA tz database name such as \"Europe/London\" or \"America/New_York\" (see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)."));
        }

        // Stored as given and compared as stored: one spelling (upper case), though the calendar reads any case.
        if (!BusinessCalendar.IsSupportedCountry(settings.Country) || !settings.Country.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new("country",
                $"'{settings.Country}' is not a supported country. Use an ISO 3166-1 alpha-2 code, one of: {string.Join(", ", BusinessCalendar.SupportedCountries)}."));
        }

        if (settings.WorkDays is null || settings.WorkDays.Count == 0)
        {
            errors.Add(new("workDays", "Choose at least one work day, e.g. [\"monday\", …, \"friday\"]."));
        }
        else if (settings.WorkDays.Any(d => d is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday))
        {
            errors.Add(new("workDays", "Every work day must be a day of the week, monday to sunday."));
        }
        else if (settings.WorkDays.Distinct().Count() != settings.WorkDays.Count)
        {
            errors.Add(new("workDays", "Name each work day once."));
        }

        CheckWholeMinutes(errors, "reminderTime", settings.ReminderTime);

        if (settings.WeeklyDigest is { } digest)
        {
            if (digest.Day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                errors.Add(new("weeklyDigest.day", "The digest day must be a day of the week, monday to sunday."));
            }

            CheckWholeMinutes(errors, "weeklyDigest.time", digest.Time);
            CheckRange(errors, "weeklyDigest.maxPrompts", digest.MaxPrompts, 1, MaxDigestPrompts, "prompts");
        }
        else
        {
            errors.Add(new("weeklyDigest", "The weekly digest settings are required."));
        }

        if (settings.FollowUp is { } policy)
        {
            CheckRange(errors, "followUp.firstAfterBusinessDays", policy.FirstAfterBusinessDays, 1, MaxBusinessDays, "business days");
            CheckRange(errors, "followUp.thenAfterBusinessDays", policy.ThenAfterBusinessDays, 1, MaxBusinessDays, "business days");
            CheckRange(errors, "followUp.maxFollowUps", policy.MaxFollowUps, 0, MaxFollowUps, "follow-ups");
        }
        else
        {
            errors.Add(new("followUp", "The follow-up policy is required."));
        }

        if (settings.VacationUntil is { } vacationUntil)
        {
            // A past date is allowed (it simply means "no vacation"), so a profile read and
            // written back later stays valid.
            var today = clock.GetCurrentInstant().InZone(zone ?? DateTimeZone.Utc).Date;
            var latest = today + MaxVacationAhead;
            if (vacationUntil > latest)
            {
                errors.Add(new("vacationUntil",
                    $"A vacation can end at most {MaxVacationAhead.Days} days ahead (on or before {latest:yyyy-MM-dd}); it is the last day away, inclusive."));
            }
        }

        if (settings.ExtraHolidays is { Count: > MaxExtraHolidays })
        {
            errors.Add(new("extraHolidays", $"At most {MaxExtraHolidays} extra holidays."));
        }

        if (settings.Webhook is { } webhook)
        {
            // https only: a webhook carries the user's data and its signature must not be readable on the way.
            if (webhook.Url is not { IsAbsoluteUri: true } url || url.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add(new("webhook.url", "The webhook URL must be an absolute https URL."));
            }
            else if (!string.IsNullOrEmpty(url.UserInfo))
            {
                errors.Add(new("webhook.url", "The webhook URL must not carry a user name or password; requests are signed instead."));
            }

            if (!Enum.IsDefined(webhook.Format))
            {
                errors.Add(new("webhook.format", "The webhook format must be generic, slack or teams."));
            }

            CheckSecret(errors, "webhook.secret", webhook.Secret);
            CheckSecret(errors, "webhook.inboundSecret", webhook.InboundSecret);
            if (webhook.InboundSecret is not null && webhook.InboundSecret == webhook.Secret)
            {
                errors.Add(new("webhook.inboundSecret", "Must differ from webhook.secret: the receiver of deliveries must not be able to sign inbound events."));
            }
        }

        return errors;
    }

    private static void CheckSecret(List<FieldError> errors, string field, string? secret)
    {
        if (secret is not null && (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(char.IsControl)))
        {
            errors.Add(new(field, $"{MinSecretLength} to {MaxSecretLength} printable characters."));
        }
    }

    private static void CheckWholeMinutes(List<FieldError> errors, string field, LocalTime time)
    {
        if (time.Second != 0 || time.TickOfSecond != 0)
        {
            errors.Add(new(field, $"Use whole minutes between 00:00 and 23:59 (e.g. \"09:00\"); {time:HH:mm:ss.FFFFFFF} has seconds."));
        }
    }

    private static void CheckRange(List<FieldError> errors, string field, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
        {
            errors.Add(new(field, $"Must be between {min} and {max} {unit}; got {value}."));
        }
    }
}
