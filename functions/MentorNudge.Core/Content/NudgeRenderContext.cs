using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content;

/// <summary>Everything needed to render one nudge's email, loaded by the pipeline at send time.</summary>
/// <param name="User">Recipient user.</param>
/// <param name="Nudge">The nudge being sent.</param>
/// <param name="People">All of the user's people (digests pick from them; reminders look up theirs).</param>
/// <param name="Asks">All of the user's asks.</param>
/// <param name="Interactions">All of the user's interactions.</param>
/// <param name="History">The user's stored nudges (what was sent before, for rotation).</param>
/// <param name="Upcoming">The user's planned nudges (digests list the follow-ups due this week).</param>
/// <param name="Now">The send instant.</param>
public sealed record NudgeRenderContext(
    User User,
    Nudge Nudge,
    IReadOnlyList<Person> People,
    IReadOnlyList<Ask> Asks,
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<Nudge> History,
    IReadOnlyList<PlannedNudge> Upcoming,
    Instant Now);
