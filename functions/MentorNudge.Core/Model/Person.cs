using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>Someone the user is cultivating as a mentor, sponsor or peer.</summary>
/// <param name="Id">Opaque id, unique within the user.</param>
/// <param name="UserId">Owner.</param>
/// <param name="Name">Display name (never empty).</param>
/// <param name="Emails">Their addresses, used to recognise replies.</param>
/// <param name="Connection">Existing connection or admired from afar.</param>
/// <param name="Role">Mentor, sponsor, peer, …</param>
/// <param name="Interests">Topics they care about, for "share a resource" prompts.</param>
/// <param name="Links">Their work (articles, talks, repositories): http(s) only.</param>
/// <param name="Notes">Free text; never logged.</param>
/// <param name="KeepInTouchEveryDays">Remind to get in touch when this many days pass without an interaction; null for never.</param>
/// <param name="CreatedAt">When the person was added.</param>
/// <param name="SnoozedUntil">No prompts or reminders about this person before this instant.</param>
/// <param name="Stopped">The user asked to stop all nudges about this person.</param>
public sealed record Person(
    string Id,
    string UserId,
    string Name,
    IReadOnlyList<string> Emails,
    Connection Connection,
    PersonRole Role,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> Links,
    string? Notes,
    int? KeepInTouchEveryDays,
    Instant CreatedAt,
    Instant? SnoozedUntil = null,
    bool Stopped = false);
