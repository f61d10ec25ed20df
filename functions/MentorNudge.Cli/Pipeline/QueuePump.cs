using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// Receives messages from one storage queue and hands each to its handler, with the Functions
/// host's semantics: a handler's retry-later result puts the message back with that visibility
/// delay; a failure leaves it for another attempt after the visibility timeout; after
/// <see cref="QueuePumpSettings.MaxDequeueCount"/> attempts it moves to <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed class QueuePump(QueueClient queue, QueueClient poisonQueue, QueueHandler handler, QueuePumpSettings settings, ILogger logger)
{
    /// <summary>The queue name, for logs.</summary>
    public string Name => queue.Name;

    /// <summary>Creates the queue and its poison queue when missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Receives one batch and handles it completely. Once received, a message is handled to the
    /// end even if <paramref name="stopping"/> fires: stopping finishes in-flight work.
    /// </summary>
    /// <returns>How many messages were received.</returns>
    public async Task<int> PumpOnceAsync(CancellationToken stopping)
    {
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, settings.VisibilityTimeout, stopping).ConfigureAwait(false);
        foreach (var message in messages)
        {
            await HandleAsync(message).ConfigureAwait(false);
        }

        return messages.Length;
    }

    /// <summary>Handles messages until the queue has none visible (the virtual clock's synchronous drain).</summary>
    /// <returns>How many messages were handled.</returns>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int received;
        do
        {
            received = await PumpOnceAsync(cancellationToken).ConfigureAwait(false);
            total += received;
        }
        while (received > 0);

        return total;
    }

    /// <summary>Polls until <paramref name="stopping"/> fires, backing off on an empty queue.</summary>
    public async Task RunAsync(CancellationToken stopping, SemaphoreSlim? gate = null)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stopping.IsCancellationRequested)
        {
            int received;
            try
            {
                if (gate is not null)
                {
                    await gate.WaitAsync(stopping).ConfigureAwait(false);
                }

                try
                {
                    received = await PumpOnceAsync(stopping).ConfigureAwait(false);
                }
                finally
                {
                    gate?.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning(ex, "Could not poll queue {Queue}; retrying", queue.Name);
                received = 0;
            }

            delay = received > 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
            if (received == 0)
            {
                try
                {
                    await Task.Delay(delay, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HandleAsync(QueueMessage message)
    {
        // In-flight work is never cancelled: a half-sent nudge is worse than a slower shutdown.
        var none = CancellationToken.None;
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, none).ConfigureAwait(false);
            return;
        }

        QueueHandlingResult result;
        try
        {
            result = await handler(message.Body.ToString(), message.DequeueCount, none).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                logger.LogError(ex, "Message {MessageId} on {Queue} failed {DequeueCount} times; moving it to poison", message.MessageId, queue.Name, message.DequeueCount);
                await MoveToPoisonAsync(message, none).ConfigureAwait(false);
            }
            else
            {
                logger.LogWarning(ex, "Message {MessageId} on {Queue} failed (attempt {DequeueCount}); it will be retried", message.MessageId, queue.Name, message.DequeueCount);
            }

            return;
        }

        if (result.RetryAfter is { } retryAfter)
        {
            // A fresh message, not an update of this one: the retry must not count as a failure
            // towards the poison threshold, just as in the Functions app.
            await queue.SendMessageAsync(message.Body, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter, cancellationToken: none).ConfigureAwait(false);
            logger.LogInformation("Message {MessageId} on {Queue} will be retried in {RetryAfter}", message.MessageId, queue.Name, retryAfter);
        }

        await DeleteAsync(message, none).ConfigureAwait(false);
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await poisonQueue.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await DeleteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone (its visibility expired and another receiver deleted it): nothing to do.
        }
    }
}
