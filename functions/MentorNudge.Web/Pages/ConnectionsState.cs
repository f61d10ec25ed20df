using MentorNudge.Infrastructure.Webhooks;
using NodaTime;

namespace MentorNudge.Web.Pages;

/// <summary>What the settings page shows about the user's webhook and calendar feed.</summary>
/// <param name="Deliveries">Recent webhook deliveries, newest first.</param>
/// <param name="FeedIssuedAt">When the current calendar feed was issued; null when there is none.</param>
/// <param name="TestResult">The answer to a "send a test" just now.</param>
/// <param name="NewFeedUrl">A feed address just issued: shown this once.</param>
internal sealed record ConnectionsState(
    IReadOnlyList<WebhookDeliveryRecord> Deliveries,
    Instant? FeedIssuedAt,
    WebhookDeliveryRecord? TestResult = null,
    Uri? NewFeedUrl = null);
