using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>A reminder or digest for a user, planned for a due instant.</summary>
/// <param name="Id">Deterministic id (see <see cref="NudgeIds"/>), so the same plan always names the same nudge.</param>
/// <param name="UserId">Owner.</param>
/// <param name="Kind">Follow-up, weekly digest or keep-in-touch.</param>
/// <param name="PersonId">The person it is about (null for digests).</param>
/// <param name="AskId">The unanswered ask (follow-ups only).</param>
/// <param name="Step">Follow-up step, 1-based; 0 for other kinds.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Channel"><c>email</c> or <c>webhook</c> once sent.</param>
/// <param name="DeliveryStatus">Delivery report from the email service, when known.</param>
/// <param name="Reason">Why it was skipped, cancelled or failed.</param>
public sealed record Nudge(
    string Id,
    string UserId,
    NudgeKind Kind,
    string? PersonId,
    string? AskId,
    int Step,
    Instant DueAt,
    NudgeStatus Status,
    Instant? SentAt = null,
    string? Channel = null,
    string? DeliveryStatus = null,
    string? Reason = null);
