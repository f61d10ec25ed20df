using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>
/// A nudge in answers: <c>GET /api/v1/schedule</c>, <c>followUps</c> of an outreach, and (with
/// <c>sentAt</c>, <c>channel</c>, <c>deliveryStatus</c>) <c>GET /api/v1/nudges</c>.
/// <c>dueAt</c> is UTC, <c>dueLocal</c> the same instant with the user's offset.
/// </summary>
public sealed record NudgeResponse(
    string NudgeId,
    NudgeKind Kind,
    string? PersonId,
    string? AskId,
    Instant DueAt,
    OffsetDateTime DueLocal,
    NudgeStatus Status,
    Instant? SentAt,
    string? Channel,
    string? DeliveryStatus,
    string? Reason)
{
    /// <summary>The nudge as the use cases give it: its local time was computed once, in the user's zone.</summary>
    public static NudgeResponse From(ScheduledNudge n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.NudgeId, n.Kind, n.PersonId, n.AskId, n.DueAt, n.DueLocal.ToOffsetDateTime(), n.Status, n.SentAt, n.Channel, n.DeliveryStatus, n.Reason);
    }
}
