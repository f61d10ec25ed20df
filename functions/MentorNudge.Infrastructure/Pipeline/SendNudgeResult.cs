namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Result of handling one <c>nudges</c> message.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Short machine-friendly reason (<c>vacation</c>, <c>unsubscribed</c>, <c>throttled</c>, …).</param>
/// <param name="RetryAfter">For <see cref="SendNudgeOutcome.RetryLater"/>: the visibility delay for the re-enqueued message.</param>
public sealed record SendNudgeResult(SendNudgeOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static SendNudgeResult Retry(string reason, TimeSpan after) => new(SendNudgeOutcome.RetryLater, reason, after);
}
