using NodaTime;

namespace MentorNudge.Core.Engine;

/// <summary>One follow-up reminder of an ask, as the policy places it.</summary>
/// <param name="Step">1-based step.</param>
/// <param name="Date">Local business date of the reminder.</param>
/// <param name="DueAt">The reminder time on that date, resolved in the user's zone.</param>
public readonly record struct FollowUpStep(int Step, LocalDate Date, Instant DueAt);
