using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>Everything that decides when a user's nudges are due.</summary>
/// <param name="TimeZoneId">IANA zone id, e.g. <c>Europe/London</c>.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code for public holidays, e.g. <c>GB</c>.</param>
/// <param name="WorkDays">Days that count as business days (default Monday to Friday).</param>
/// <param name="ReminderTime">Local time of day for follow-up and keep-in-touch reminders (default 09:00).</param>
/// <param name="WeeklyDigest">Weekly digest day, time and size.</param>
/// <param name="FollowUp">Follow-up policy.</param>
/// <param name="VacationUntil">Last local date of a vacation (inclusive); nothing is due up to and including it.</param>
/// <param name="ExtraHolidays">User-supplied non-business dates on top of the country's public holidays.</param>
/// <param name="Webhook">Optional outbound webhook.</param>
public sealed record UserSettings(
    string TimeZoneId,
    string Country,
    IReadOnlyList<IsoDayOfWeek> WorkDays,
    LocalTime ReminderTime,
    WeeklyDigestSettings WeeklyDigest,
    FollowUpPolicy FollowUp,
    LocalDate? VacationUntil = null,
    IReadOnlyList<LocalDate>? ExtraHolidays = null,
    WebhookSettings? Webhook = null)
{
    /// <summary>Monday to Friday.</summary>
    public static IReadOnlyList<IsoDayOfWeek> DefaultWorkDays { get; } =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    /// <summary>09:00.</summary>
    public static LocalTime DefaultReminderTime { get; } = new(9, 0);

    /// <summary>
    /// The user's zone: the one way to get it. An id the time-zone database does not know (only
    /// possible for data written before validation) falls back to UTC rather than failing a send.
    /// </summary>
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZoneId ?? "") ?? DateTimeZone.Utc;

    /// <summary>The defaults of the design for a zone and country.</summary>
    public static UserSettings CreateDefault(string timeZoneId, string country) =>
        new(timeZoneId, country, DefaultWorkDays, DefaultReminderTime, WeeklyDigestSettings.Default, FollowUpPolicy.Default);
}
