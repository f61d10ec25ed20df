using System.Collections.Concurrent;
using Azure.Storage.Queues;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Triggers;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorNudge.Infrastructure.Tests.Triggers;

[Collection(AzuriteCollection.Name)]
public sealed class QueuePumpTests(AzuriteFixture azurite)
{
    // Short timeouts so failed attempts come back quickly; same semantics as host.json otherwise.
    private static readonly QueuePumpSettings Fast = new(3, TimeSpan.FromSeconds(1), 16, 8, TimeSpan.FromMilliseconds(200));

    private (QueueClient Queue, QueueClient Poison) NewQueues()
    {
        var name = AzuriteFixture.UniqueName("q");
        var service = new QueueServiceClient(azurite.ConnectionString);
        return (service.GetQueueClient(name), service.GetQueueClient(name + "-poison"));
    }

    [Fact]
    public async Task DrainAsync_HandlerDone_HandlesEachMessageOnceAndDeletesIt()
    {
        var (queue, poison) = NewQueues();
        var handled = new ConcurrentBag<string>();
        var pump = new QueuePump(queue, poison, (text, _, _) => { handled.Add(text); return Task.FromResult(QueueHandlingResult.Done); }, Fast, NullLogger.Instance);
        await pump.EnsureCreatedAsync(default);
        foreach (var i in Enumerable.Range(0, 20))
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var count = await pump.DrainAsync(default);

        Assert.Equal(20, count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}").Order(), handled.Order());
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task DrainAsync_RetryLater_PutsMessageBackInvisibleWithoutCountingAFailure()
    {
        var (queue, poison) = NewQueues();
        var attempts = new ConcurrentBag<long>();
        var pump = new QueuePump(
            queue,
            poison,
            (_, dequeueCount, _) =>
            {
                attempts.Add(dequeueCount);
                return Task.FromResult(attempts.Count < 4 ? QueueHandlingResult.RetryLater(TimeSpan.FromHours(1)) : QueueHandlingResult.Done);
            },
            Fast,
            NullLogger.Instance);
        await pump.EnsureCreatedAsync(default);
        await queue.SendMessageAsync("throttled");

        var handled = await pump.DrainAsync(default);

        // Handled once; the retry waits an hour, invisible, as a new message (dequeue count starts again).
        Assert.Equal(1, handled);
        Assert.Equal([1L], attempts);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task DrainAsync_HandlerKeepsFailing_MovesToPoisonAfterMaxDequeueCount()
    {
        var (queue, poison) = NewQueues();
        var attempts = 0;
        var pump = new QueuePump(queue, poison, (_, _, _) => { Interlocked.Increment(ref attempts); throw new InvalidOperationException("boom"); }, Fast, NullLogger.Instance);
        await pump.EnsureCreatedAsync(default);
        await queue.SendMessageAsync("bad");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
        {
            await pump.DrainAsync(timeout.Token);
            await Task.Delay(200, timeout.Token);
        }

        Assert.Equal(Fast.MaxDequeueCount, attempts);
        Assert.Equal("bad", (await poison.ReceiveMessageAsync()).Value.Body.ToString());
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task DrainAsync_ManyMessages_HandlesABatchInParallelAndTopsUpAtTheThreshold()
    {
        var (queue, poison) = NewQueues();
        var settings = Fast with { BatchSize = 4, NewBatchThreshold = 2 };
        var running = 0;
        var most = 0;
        var pump = new QueuePump(
            queue,
            poison,
            async (_, _, _) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Delay(150, CancellationToken.None);
                Interlocked.Decrement(ref running);
                return QueueHandlingResult.Done;
            },
            settings,
            NullLogger.Instance);
        await pump.EnsureCreatedAsync(default);
        foreach (var i in Enumerable.Range(0, 24))
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var handled = await pump.DrainAsync(default);

        // A whole batch runs at once; topping up at the threshold never exceeds batch + threshold.
        Assert.Equal(24, handled);
        Assert.InRange(most, settings.BatchSize, settings.BatchSize + settings.NewBatchThreshold);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
