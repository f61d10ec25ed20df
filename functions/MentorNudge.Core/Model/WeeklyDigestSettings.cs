using NodaTime;

namespace MentorNudge.Core.Model;

/// <summary>When the weekly "add value first" digest arrives, in the user's zone, and how many prompts it holds.</summary>
/// <param name="Day">Day of the week (default Monday).</param>
/// <param name="Time">Local time of day (default 08:00).</param>
/// <param name="MaxPrompts">How many people at most get a prompt in one digest (default 3).</param>
/// <param name="Enabled">False turns the digest off.</param>
public sealed record WeeklyDigestSettings(IsoDayOfWeek Day, LocalTime Time, int MaxPrompts = 3, bool Enabled = true)
{
    /// <summary>Monday 08:00, three prompts.</summary>
    public static WeeklyDigestSettings Default { get; } = new(IsoDayOfWeek.Monday, new LocalTime(8, 0));
}
