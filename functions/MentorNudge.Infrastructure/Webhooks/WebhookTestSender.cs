using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// Sends one signed test event to a user's webhook through the same <see cref="WebhookDeliverer"/> as
/// real deliveries, and records it in the <see cref="WebhookDeliveryLog"/> with the rest. One attempt,
/// never retried (the person is waiting for the answer): a would-retry outcome is recorded as failed.
/// </summary>
public sealed class WebhookTestSender(WebhookDeliverer deliverer, WebhookDeliveryLog log, IClock clock)
{
    /// <summary>The <c>kind</c> (and nudge id) of a test event; the generic format's type is <c>webhook.test</c>.</summary>
    public const string Kind = "test";

    /// <summary>Delivers a test event to <paramref name="webhook"/> and returns the recorded outcome.</summary>
    public async Task<WebhookDeliveryRecord> SendAsync(string userId, WebhookSettings webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var now = clock.GetCurrentInstant();
        var message = new WebhookDeliveryMessage(
            // Time first (the log lists in id order), then randomness: two tests at one instant
            // (a virtual clock, a double click) are two deliveries, not one overwritten.
            "wh-test-" + now.ToUnixTimeTicks().ToString(System.Globalization.CultureInfo.InvariantCulture)
                + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)),
            userId,
            Kind,
            Kind,
            null,
            null,
            now,
            "Test event from MentorNudge",
            "If you can read this, your webhook works. Real events arrive when a nudge is sent.");
        var result = await deliverer.DeliverAsync(message, webhook, cancellationToken).ConfigureAwait(false);
        var record = new WebhookDeliveryRecord(
            message.DeliveryId,
            Kind,
            result.Outcome == WebhookDeliveryOutcome.Delivered ? "delivered" : "failed",
            1,
            result.StatusCode,
            result.Error,
            clock.GetCurrentInstant());
        await log.RecordAsync(userId, record, cancellationToken).ConfigureAwait(false);
        return record;
    }
}
