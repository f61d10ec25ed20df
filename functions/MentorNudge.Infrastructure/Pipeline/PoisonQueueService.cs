using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>Lists and replays poison messages (the admin endpoint's service): <c>nudges-poison</c>, <c>webhooks-poison</c>.</summary>
public sealed class PoisonQueueService(WorkQueues queues, ILogger<PoisonQueueService> logger)
{
    /// <summary>Peeks up to 32 messages of <paramref name="queueName"/>'s poison queue without taking them.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> ListAsync(string queueName, int max = 32, CancellationToken cancellationToken = default)
    {
        var poison = queues.PoisonOf(queueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var peeked = await poison.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken).ConfigureAwait(false);
        return peeked.Value.Select(m => new PoisonMessage(m.MessageId, m.Body.ToString(), m.DequeueCount, m.InsertedOn)).ToList();
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> poison messages back onto <paramref name="queueName"/>
    /// (send first, then delete: a crash in between only duplicates, which the workers tolerate).
    /// </summary>
    public async Task<int> ReplayAsync(string queueName, int max = 32, CancellationToken cancellationToken = default)
    {
        var target = queues.WorkQueue(queueName);
        var poison = queues.PoisonOf(queueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var replayed = 0;
        while (replayed < max)
        {
            var batch = await poison.ReceiveMessagesAsync(Math.Clamp(max - replayed, 1, 32), TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
            if (batch.Value.Length == 0)
            {
                break;
            }

            foreach (var m in batch.Value)
            {
                await target.SendMessageAsync(m.Body.ToString(), cancellationToken).ConfigureAwait(false);
                await poison.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken).ConfigureAwait(false);
                replayed++;
            }
        }

        logger.LogInformation("Replayed {Count} poison messages onto {Queue}", replayed, queueName);
        return replayed;
    }
}
