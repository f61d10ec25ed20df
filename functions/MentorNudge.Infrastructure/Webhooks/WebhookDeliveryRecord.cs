using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>The latest state of one outbound webhook delivery, as its owner sees it.</summary>
/// <param name="DeliveryId">The delivery's id (also sent as <c>MentorNudge-Delivery</c>).</param>
/// <param name="NudgeId">The nudge it announced.</param>
/// <param name="Status"><c>delivered</c>, <c>retrying</c> or <c>failed</c>.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="StatusCode">The receiver's last HTTP status, if it answered.</param>
/// <param name="Error">Short reason of the last failure.</param>
/// <param name="UpdatedAt">When the last attempt ended.</param>
public sealed record WebhookDeliveryRecord(string DeliveryId, string NudgeId, string Status, int Attempts, int? StatusCode, string? Error, Instant UpdatedAt);
