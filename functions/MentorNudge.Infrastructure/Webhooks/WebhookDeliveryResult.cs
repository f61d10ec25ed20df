namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>What happened to one delivery attempt.</summary>
/// <param name="Outcome">Delivered, retry later, or failed for good.</param>
/// <param name="StatusCode">The receiver's HTTP status, when it answered.</param>
/// <param name="RetryAfter">For <see cref="WebhookDeliveryOutcome.Retry"/>: the visibility delay before the next attempt.</param>
/// <param name="Error">Short, log-safe reason (no payload, no URL query).</param>
public sealed record WebhookDeliveryResult(WebhookDeliveryOutcome Outcome, int? StatusCode = null, TimeSpan? RetryAfter = null, string? Error = null);

/// <summary>Outcome of a delivery attempt.</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>A 5xx, 408, 429 or timeout: re-enqueue with <see cref="WebhookDeliveryResult.RetryAfter"/>.</summary>
    Retry,

    /// <summary>A 4xx, a redirect, a bad URL, or the attempts are used up.</summary>
    Failed,
}
