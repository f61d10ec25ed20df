using MentorNudge.Core.Engine;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// The planning step the pipeline calls (the Core <see cref="NudgePlanner"/> in production); a
/// seam so pipeline tests can drive the storage flows with plans they write themselves.
/// </summary>
public interface INudgePlanning
{
    IReadOnlyList<PlannedNudge> Plan(PlanningInput input);
}
