using Azure.Storage.Queues;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>The <c>nudges</c> and <c>webhooks</c> queues (Base64 messages, as the Functions queue trigger expects).</summary>
public sealed class WorkQueues(StorageClients clients)
{
    /// <summary>Longest visibility delay Storage queues accept.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task EnqueueNudgeAsync(NudgeMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        await clients.NudgeQueue.SendMessageAsync(message.ToJson(), Clamp(delay), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task EnqueueWebhookAsync(WebhookMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        await clients.WebhookQueue.SendMessageAsync(message.ToJson(), Clamp(delay), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A work queue by the admin API's name (<c>nudges</c>, <c>webhooks</c>) whatever the queues are
    /// called in this deployment, or by its configured name.
    /// </summary>
    public QueueClient WorkQueue(string name) => name switch
    {
        StorageOptions.DefaultNudgeQueueName => clients.NudgeQueue,
        StorageOptions.DefaultWebhookQueueName => clients.WebhookQueue,
        _ => Get(name),
    };

    /// <summary>The poison queue of <see cref="WorkQueue(string)"/>.</summary>
    public QueueClient PoisonOf(string name) => Get(WorkQueue(name).Name + "-poison");

    /// <summary>The queue client by its logical name (<c>nudges</c>/<c>webhooks</c>, or their <c>-poison</c> queues).</summary>
    public QueueClient Get(string queueName)
    {
        if (queueName == clients.NudgeQueue.Name)
        {
            return clients.NudgeQueue;
        }

        if (queueName == clients.WebhookQueue.Name)
        {
            return clients.WebhookQueue;
        }

        if (queueName == clients.NudgePoisonQueue.Name)
        {
            return clients.NudgePoisonQueue;
        }

        if (queueName == clients.WebhookPoisonQueue.Name)
        {
            return clients.WebhookPoisonQueue;
        }

        throw new ArgumentException($"Unknown queue '{queueName}'.", nameof(queueName));
    }

    private static TimeSpan? Clamp(TimeSpan? delay) =>
        delay is not { } d || d <= TimeSpan.Zero ? null : d > MaxDelay ? MaxDelay : d;
}
