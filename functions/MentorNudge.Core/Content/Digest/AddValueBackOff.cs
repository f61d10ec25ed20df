using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content.Digest;

/// <summary>
/// "Add value first" back-off: an unanswered ask whose last follow-up reminder was sent less than
/// <see cref="FollowUpPolicy.AddValueBackOff"/> ago. Computed here from the stored history so the
/// content does not depend on the planner.
/// </summary>
public static class AddValueBackOff
{
    /// <summary>True when <paramref name="person"/> is in back-off at <paramref name="at"/>.</summary>
    public static bool IsInBackOff(Person person, IEnumerable<Ask> asks, IEnumerable<Nudge> history, Instant at)
    {
        ArgumentNullException.ThrowIfNull(person);
        var awaiting = asks
            .Where(a => a.PersonId == person.Id && a.SentAt <= at && (a.AnsweredAt is null || a.AnsweredAt > at))
            .Select(a => a.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (awaiting.Count == 0)
        {
            return false;
        }

        var windowStart = at.InUtc().LocalDateTime.Minus(FollowUpPolicy.AddValueBackOff).InUtc().ToInstant();
        return history.Any(n =>
            n.Kind == NudgeKind.FollowUp
            && n.Status == NudgeStatus.Sent
            && n.AskId is not null
            && awaiting.Contains(n.AskId)
            && n.SentAt is { } sent
            && sent <= at
            && sent > windowStart);
    }
}
