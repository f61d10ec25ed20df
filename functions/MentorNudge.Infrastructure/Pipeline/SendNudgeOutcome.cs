namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>How one handling of a <c>nudges</c> message ended.</summary>
public enum SendNudgeOutcome
{
    /// <summary>The email went out and the send is recorded.</summary>
    Sent,

    /// <summary>Due but deliberately not sent (vacation, unsubscribed, stopped, …); recorded as Skipped.</summary>
    Skipped,

    /// <summary>No longer wanted (answered, person deleted); recorded as Cancelled.</summary>
    Cancelled,

    /// <summary>Already sent, cancelled, skipped or failed earlier: nothing to do (a duplicate message).</summary>
    AlreadyDone,

    /// <summary>The user or the nudge no longer exists (erased); the message is dropped.</summary>
    NotFound,

    /// <summary>The nudge was moved to a later instant; its new index row will dispatch it.</summary>
    Rescheduled,

    /// <summary>Try again after <see cref="SendNudgeResult.RetryAfter"/>: throttled, transient failure, or another worker holds the send.</summary>
    RetryLater,

    /// <summary>The email service refused it for good; recorded as Failed.</summary>
    Failed,
}
