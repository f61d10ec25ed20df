using MentorNudge.Core.Model;

namespace MentorNudge.Core.Engine;

/// <summary>Everything the planner needs to know about one user.</summary>
/// <param name="User">The user and their settings.</param>
/// <param name="People">Their people.</param>
/// <param name="Asks">Their asks (answered or not).</param>
/// <param name="Interactions">Their logged interactions.</param>
/// <param name="History">Nudges already stored for the user, in any status; terminal ones are not planned again.</param>
public sealed record PlanningInput(
    User User,
    IReadOnlyList<Person> People,
    IReadOnlyList<Ask> Asks,
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<Nudge> History);
