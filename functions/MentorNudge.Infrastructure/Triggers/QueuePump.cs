using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Infrastructure.Triggers;

/// <summary>
/// Receives messages from one storage queue and hands each to its handler, with the Functions
/// host's semantics (<see cref="QueuePumpSettings"/>, read from host.json): a batch of
/// <see cref="QueuePumpSettings.BatchSize"/> is handled in parallel and the next batch is fetched
/// once no more than <see cref="QueuePumpSettings.NewBatchThreshold"/> are still running; a
/// handler's retry-later result puts the message back with that delay; a failure leaves it for
/// another attempt after the visibility timeout; after <see cref="QueuePumpSettings.MaxDequeueCount"/>
/// attempts it moves to <c>&lt;queue&gt;-poison</c>. The local host and the bench run this pump;
/// the Functions host has its own, configured by the same host.json.
/// </summary>
public sealed class QueuePump(QueueClient queue, QueueClient poisonQueue, QueueHandler handler, QueuePumpSettings settings, ILogger logger)
{
    private long _receives;

    /// <summary>The queue name, for logs.</summary>
    public string Name => queue.Name;

    /// <summary>How many receive requests this pump has made (storage requests the bench counts).</summary>
    public long Receives => Interlocked.Read(ref _receives);

    /// <summary>Creates the queue and its poison queue when missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Handles messages until a receive finds none visible and nothing is left running. Once
    /// received, a message is handled to the end even if <paramref name="stopping"/> fires:
    /// stopping finishes in-flight work.
    /// </summary>
    /// <returns>How many messages were received.</returns>
    public async Task<int> DrainAsync(CancellationToken stopping)
    {
        var running = new List<Task>();
        var received = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // Like the Functions host: a new batch only once the running count is down to the threshold.
                while (running.Count > settings.NewBatchThreshold)
                {
                    running.Remove(await Task.WhenAny(running).ConfigureAwait(false));
                }

                Interlocked.Increment(ref _receives);
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, settings.VisibilityTimeout, stopping).ConfigureAwait(false);
                if (messages.Length == 0)
                {
                    if (running.Count == 0)
                    {
                        break;
                    }

                    // What is still running may enqueue more (a retry, the next message): look again after it.
                    running.Remove(await Task.WhenAny(running).ConfigureAwait(false));
                    continue;
                }

                received += messages.Length;
                running.AddRange(messages.Select(HandleAsync));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: no new receives; what was received still finishes below.
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        return received;
    }

    /// <summary>
    /// Drains until <paramref name="stopping"/> fires, backing off (up to
    /// <see cref="QueuePumpSettings.MaxPollingInterval"/>) while the queue is empty. When a
    /// <paramref name="gate"/> is given, each drain holds it, so whoever else holds it (the virtual
    /// clock) never sees a message half handled.
    /// </summary>
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
                    received = await DrainAsync(stopping).ConfigureAwait(false);
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
