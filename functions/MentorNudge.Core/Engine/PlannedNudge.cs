using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Engine;

/// <summary>A nudge the planner wants to exist, with its due instant.</summary>
/// <param name="NudgeId">Deterministic id (<see cref="NudgeIds"/>).</param>
/// <param name="Kind">Kind of nudge.</param>
/// <param name="PersonId">Person, if any.</param>
/// <param name="AskId">Ask, for follow-ups.</param>
/// <param name="Step">Follow-up step (1-based) or 0.</param>
/// <param name="DueAt">Due instant.</param>
/// <param name="DueLocal">The same instant in the user's zone.</param>
public sealed record PlannedNudge(
    string NudgeId,
    NudgeKind Kind,
    string? PersonId,
    string? AskId,
    int Step,
    Instant DueAt,
    ZonedDateTime DueLocal);
