using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>A nudge as the API shows it (schedule and history): due instant in UTC and in the user's zone.</summary>
public sealed record ScheduledNudge(
    string NudgeId,
    NudgeKind Kind,
    string? PersonId,
    string? AskId,
    int Step,
    Instant DueAt,
    ZonedDateTime DueLocal,
    NudgeStatus Status,
    Instant? SentAt,
    string? Channel,
    string? DeliveryStatus,
    string? Reason)
{
    public static ScheduledNudge From(StoredNudge stored, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var n = stored.Nudge;
        return new ScheduledNudge(n.Id, n.Kind, n.PersonId, n.AskId, n.Step, n.DueAt, n.DueAt.InZone(zone), n.Status, n.SentAt, n.Channel, n.DeliveryStatus, n.Reason);
    }
}
