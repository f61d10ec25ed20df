using MentorNudge.Core.Engine;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Plans with the Core <see cref="NudgePlanner"/>.</summary>
public sealed class CorePlanning(NudgePlanner planner) : INudgePlanning
{
    public IReadOnlyList<PlannedNudge> Plan(PlanningInput input) => planner.Plan(input);
}
