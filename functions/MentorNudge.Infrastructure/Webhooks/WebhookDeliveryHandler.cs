using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// Handles one <c>webhooks</c> queue message: loads the user's webhook and the nudge, delivers,
/// records the outcome, and on a retryable failure puts the message back with a visibility delay
/// and the attempt count (field <c>a</c>), so the queue trigger completes instead of throwing.
/// Messages for erased users, removed webhooks or unknown nudges are dropped.
/// </summary>
public sealed class WebhookDeliveryHandler(
    UserPartitionEditor partitions,
    WebhookDeliverer deliverer,
    WebhookDeliveryLog log,
    WorkQueues queues,
    IOptions<StorageOptions> storage,
    IClock clock,
    ILogger<WebhookDeliveryHandler> logger)
{
    /// <summary>Processes the raw message text; returns what happened (null when the message was dropped).</summary>
    public async Task<WebhookDeliveryResult?> HandleAsync(string messageText, CancellationToken cancellationToken = default)
    {
        WebhookMessage message;
        try
        {
            message = WebhookMessage.Parse(messageText);
        }
        catch (FormatException)
        {
            logger.LogWarning("Dropped a webhook message that is not one");
            return null;
        }

        var attempt = ReadAttempt(messageText);

        // One load of the partition: the user's webhook, the nudge and the person's name.
        UserPartition partition;
        try
        {
            partition = await partitions.LoadAsync(message.UserId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        var user = partition.User!.Value;
        if (user.Settings.Webhook is not { } webhook)
        {
            return null;
        }

        if (!partition.Nudges.TryGetValue(message.NudgeId, out var stored) || stored.Nudge.Status == NudgeStatus.Scheduled)
        {
            return null;
        }

        var nudge = stored.Nudge;

        // The person may have been deleted since; the event still says what was sent.
        var personName = nudge.PersonId is not null && partition.People.TryGetValue(nudge.PersonId, out var person) ? person.Value.Name : null;

        var kind = JsonNamingPolicy.CamelCase.ConvertName(nudge.Kind.ToString());
        var (title, text) = Describe(nudge.Kind, personName);
        var delivery = new WebhookDeliveryMessage("wh-" + nudge.Id, user.Id, nudge.Id, kind, nudge.PersonId, personName, nudge.DueAt, title, text, attempt);
        var result = await deliverer.DeliverAsync(delivery, webhook, cancellationToken);

        var status = result.Outcome switch
        {
            WebhookDeliveryOutcome.Delivered => "delivered",
            WebhookDeliveryOutcome.Retry => "retrying",
            _ => "failed",
        };
        await log.RecordAsync(user.Id, new WebhookDeliveryRecord(delivery.DeliveryId, nudge.Id, status, attempt + 1, result.StatusCode, result.Error, clock.GetCurrentInstant()), cancellationToken);

        if (result.Outcome == WebhookDeliveryOutcome.Retry)
        {
            var next = JsonNode.Parse(messageText)!.AsObject();
            next["a"] = attempt + 1;
            var delay = result.RetryAfter ?? WebhookDeliverer.Backoff(attempt);
            await queues.Get(storage.Value.WebhookQueueName).SendMessageAsync(next.ToJsonString(), delay > WorkQueues.MaxDelay ? WorkQueues.MaxDelay : delay, cancellationToken: cancellationToken);
        }

        return result;
    }

    private static int ReadAttempt(string messageText)
    {
        try
        {
            using var doc = JsonDocument.Parse(messageText);
            return doc.RootElement.TryGetProperty("a", out var a) && a.TryGetInt32(out var n) && n >= 0 ? n : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static (string Title, string Text) Describe(NudgeKind kind, string? name) => kind switch
    {
        NudgeKind.FollowUp => (
            $"Time to follow up with {name ?? "someone"}",
            $"Your outreach to {name ?? "them"} has had no answer yet. A short, kind follow-up that adds something new works best."),
        NudgeKind.KeepInTouch => (
            $"Get back in touch with {name ?? "someone"}",
            $"It has been a while since you were in touch with {name ?? "them"}. Share something useful or congratulate them on recent work."),
        _ => (
            "Your weekly add-value-first digest",
            "A few small things to do for the people you are cultivating this week. The full digest is in your email."),
    };
}
