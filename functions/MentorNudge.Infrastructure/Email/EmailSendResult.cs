namespace MentorNudge.Infrastructure.Email;

/// <summary>What happened to one send. Exactly one of the outcomes.</summary>
/// <param name="Outcome">Sent, throttled, transient or permanent failure.</param>
/// <param name="ProviderMessageId">The provider's id for the sent message (ACS operation id, SMTP Message-ID, file name).</param>
/// <param name="RetryAfter">For <see cref="EmailSendOutcome.Throttled"/> and <see cref="EmailSendOutcome.TransientFailure"/>: when to try again.</param>
/// <param name="Error">A short, log-safe description of a failure (no message content).</param>
public sealed record EmailSendResult(EmailSendOutcome Outcome, string? ProviderMessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static EmailSendResult Sent(string? providerMessageId) => new(EmailSendOutcome.Sent, providerMessageId);

    public static EmailSendResult Throttled(TimeSpan retryAfter) => new(EmailSendOutcome.Throttled, RetryAfter: retryAfter);

    public static EmailSendResult Transient(string error, TimeSpan? retryAfter = null) => new(EmailSendOutcome.TransientFailure, RetryAfter: retryAfter, Error: error);

    public static EmailSendResult Permanent(string error) => new(EmailSendOutcome.PermanentFailure, Error: error);
}

/// <summary>Outcome of a send.</summary>
public enum EmailSendOutcome
{
    /// <summary>Accepted by the service (or written, for the outbox).</summary>
    Sent,

    /// <summary>The service asked us to slow down (HTTP 429); retry after the given delay.</summary>
    Throttled,

    /// <summary>A temporary failure (5xx, timeout); retry later.</summary>
    TransientFailure,

    /// <summary>Will never succeed as is (bad sender, bad recipient, rejected content): do not retry.</summary>
    PermanentFailure,
}
