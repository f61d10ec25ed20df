namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>What one re-plan changed.</summary>
/// <param name="Added">Nudges written for the first time.</param>
/// <param name="Rescheduled">Nudges whose due instant moved.</param>
/// <param name="Cancelled">Scheduled nudges the plan no longer wants.</param>
public sealed record ReplanResult(int Added, int Rescheduled, int Cancelled)
{
    public static ReplanResult None { get; } = new(0, 0, 0);

    public bool Changed => Added + Rescheduled + Cancelled > 0;
}
