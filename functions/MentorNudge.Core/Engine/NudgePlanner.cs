using NodaTime;

namespace MentorNudge.Core.Engine;

/// <summary>
/// Decides the exact set of nudges a user should have, following the time rules of the design.
/// Pure: the same input and the same clock reading always give the same plan.
/// </summary>
public sealed class NudgePlanner(IClock clock)
{
    /// <summary>
    /// The nudges that should exist and are not yet in a terminal state: pending follow-ups of
    /// awaiting asks, the next weekly digest, and pending keep-in-touch reminders.
    /// </summary>
    public IReadOnlyList<PlannedNudge> Plan(PlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _ = clock.GetCurrentInstant();
        throw new NotImplementedException("The planner arrives with the scheduling engine.");
    }
}
