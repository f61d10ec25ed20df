using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>
/// Body of <c>PUT /api/v1/me</c>: replaces profile and settings. <c>email</c>, <c>timeZone</c> and
/// <c>country</c> are required; anything else left out takes its default (no vacation, no webhook);
/// <c>unsubscribed</c> left out keeps its value (true stops all email, false resumes it).
/// </summary>
public sealed record SettingsRequest(
    string? Email,
    string? DisplayName,
    string? TimeZone,
    string? Country,
    List<IsoDayOfWeek>? WorkDays,
    LocalTime? ReminderTime,
    WeeklyDigestRequest? WeeklyDigest,
    FollowUpRequest? FollowUp,
    LocalDate? VacationUntil,
    List<LocalDate>? ExtraHolidays,
    WebhookRequest? Webhook,
    bool? Unsubscribed = null);
