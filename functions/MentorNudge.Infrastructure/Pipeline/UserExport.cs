using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Everything stored about a user (token hashes excluded: they are credentials, not data about the user).</summary>
public sealed record UserExport(
    User User,
    IReadOnlyList<Person> People,
    IReadOnlyList<Ask> Asks,
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<ScheduledNudge> Nudges);
