using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Triggers;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Workers;

/// <summary>One <c>webhooks</c> message: a signed POST; retries are re-enqueued with backoff by the handler.</summary>
public sealed class DeliverWebhook(PipelineQueues queues)
{
    [Function(nameof(DeliverWebhook))]
    public Task Run([QueueTrigger(StorageOptions.DefaultWebhookQueueName)] string message, CancellationToken cancellationToken) =>
        queues.DeliverWebhookAsync(message, cancellationToken);
}
