using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Profile and settings of the calling user (<c>GET/PUT /api/v1/me</c>).</summary>
public sealed record MeResponse(
    string UserId,
    string Email,
    string? DisplayName,
    string TimeZone,
    string Country,
    IReadOnlyList<IsoDayOfWeek> WorkDays,
    LocalTime ReminderTime,
    WeeklyDigestRequest WeeklyDigest,
    FollowUpRequest FollowUp,
    LocalDate? VacationUntil,
    IReadOnlyList<LocalDate> ExtraHolidays,
    WebhookResponse? Webhook,
    bool Unsubscribed,
    bool EmailUndeliverable);
