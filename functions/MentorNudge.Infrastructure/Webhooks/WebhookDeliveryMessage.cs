using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// The message on the <c>webhooks</c> queue: one event to POST to a user's webhook. It carries the
/// rendered title and text, never the URL or the secret, which are read from the user's settings at
/// delivery time (so a changed or removed webhook takes effect at once).
/// </summary>
/// <param name="DeliveryId">Deterministic id of this delivery (e.g. <c>wh-{nudgeId}</c>); receivers can de-duplicate on it.</param>
/// <param name="UserId">Owner.</param>
/// <param name="NudgeId">The nudge that was sent.</param>
/// <param name="Kind"><c>followUp</c>, <c>weeklyDigest</c> or <c>keepInTouch</c>.</param>
/// <param name="PersonId">The person, if any.</param>
/// <param name="PersonName">The person's name, if any.</param>
/// <param name="DueAt">When the nudge was due.</param>
/// <param name="Title">One-line title (the email subject).</param>
/// <param name="Text">Plain text (the email's text body).</param>
/// <param name="Attempt">0 for the first try; increased on each re-enqueue.</param>
public sealed record WebhookDeliveryMessage(
    string DeliveryId,
    string UserId,
    string NudgeId,
    string Kind,
    string? PersonId,
    string? PersonName,
    Instant DueAt,
    string Title,
    string Text,
    int Attempt = 0);
