using Azure.Storage.Queues;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Triggers;
using MentorNudge.Cli.Email;
using MentorNudge.Cli.Pipeline;
using MentorNudge.Cli.Tests.Infrastructure;
using MentorNudge.Cli.Time;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace MentorNudge.Cli.Tests.Time;

[Collection(CliAzuriteCollection.Name)]
public sealed class ClockAdvancerTests(AzuriteFixture azurite)
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 6, 10, 0);

    [Fact]
    public async Task AdvanceToAsync_DueWorkOnTheWay_HandledOnceAtEachDueInstant()
    {
        var clock = new VirtualClock(Start);
        var pipeline = new ScriptedPipeline(clock, azurite.ConnectionString, AzuriteFixture.UniqueName("n"), AzuriteFixture.UniqueName("w"));
        pipeline.Schedule("a", Start + Duration.FromHours(23));
        pipeline.Schedule("b", Start + Duration.FromDays(3));

        // Handling "b" plans a follow-on a week later, as a sent digest plans the next one.
        pipeline.FollowOn["b"] = ("c", Duration.FromDays(7));
        pipeline.Schedule("late", Start + Duration.FromDays(30));
        var advancer = Create(clock, pipeline);

        var result = await advancer.AdvanceToAsync(Start + Duration.FromDays(14), default);

        Assert.Equal(Start + Duration.FromDays(14), clock.GetCurrentInstant());
        Assert.Equal(
            [("a", Start + Duration.FromHours(23)), ("b", Start + Duration.FromDays(3)), ("c", Start + Duration.FromDays(10))],
            pipeline.Handled);
        Assert.Equal(4, result.Steps);
        Assert.Equal(Start, result.From);
    }

    [Fact]
    public async Task AdvanceToAsync_WorkAlreadyDue_HandledAtCurrentTimeBeforeMoving()
    {
        var clock = new VirtualClock(Start);
        var pipeline = new ScriptedPipeline(clock, azurite.ConnectionString, AzuriteFixture.UniqueName("n"), AzuriteFixture.UniqueName("w"));
        pipeline.Schedule("now", Start);
        var advancer = Create(clock, pipeline);

        await advancer.AdvanceToAsync(Start + Duration.FromHours(1), default);
        await advancer.AdvanceToAsync(Start + Duration.FromHours(2), default);

        Assert.Equal([("now", Start)], pipeline.Handled);
    }

    [Fact]
    public async Task AdvanceToAsync_Backwards_Throws()
    {
        var clock = new VirtualClock(Start);
        var pipeline = new ScriptedPipeline(clock, azurite.ConnectionString, AzuriteFixture.UniqueName("n"), AzuriteFixture.UniqueName("w"));
        var advancer = Create(clock, pipeline);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => advancer.AdvanceToAsync(Start - Duration.FromMinutes(1), default));
    }

    private ClockAdvancer Create(VirtualClock clock, ScriptedPipeline pipeline)
    {
        var workers = new LocalQueueWorkers(pipeline, QueuePumpSettings.FunctionsHost, NullLoggerFactory.Instance);
        workers.EnsureCreatedAsync(default).GetAwaiter().GetResult();
        return new ClockAdvancer(clock, pipeline, workers, new PipelineGate(), new SentMailLog(), NullLogger<ClockAdvancer>.Instance);
    }

    /// <summary>A stand-in for the application service: a due list, dispatched through a real queue.</summary>
    private sealed class ScriptedPipeline : ILocalPipeline
    {
        private readonly SortedSet<(Instant Due, string Id)> _due = [];
        private readonly IClock _clock;
        private readonly QueueClient _queue;

        public ScriptedPipeline(IClock clock, string connectionString, string nudges, string webhooks)
        {
            _clock = clock;
            var service = new QueueServiceClient(connectionString);
            _queue = service.GetQueueClient(nudges);
            Queues =
            [
                new PumpedQueue(_queue, service.GetQueueClient(nudges + "-poison"), SendNudgeAsync),
                new PumpedQueue(service.GetQueueClient(webhooks), service.GetQueueClient(webhooks + "-poison"), DeliverWebhookAsync),
            ];
        }

        public IReadOnlyList<PumpedQueue> Queues { get; }

        public List<(string Id, Instant At)> Handled { get; } = [];

        public Dictionary<string, (string Id, Duration After)> FollowOn { get; } = [];

        public void Schedule(string id, Instant due) => _due.Add((due, id));

        public async Task DispatchDueAsync(Instant now, CancellationToken cancellationToken)
        {
            foreach (var item in _due.Where(d => d.Due <= now).ToList())
            {
                await _queue.SendMessageAsync(item.Id, cancellationToken);
                _due.Remove(item);
            }
        }

        public Task ReconcileAsync(Instant now, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> SweepOverdueAsync(Instant now, Duration grace, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<QueueHandlingResult> SendNudgeAsync(string message, long dequeueCount, CancellationToken cancellationToken)
        {
            // The pump handles a batch in parallel, as the Functions host does.
            lock (_due)
            {
                var now = _clock.GetCurrentInstant();
                Handled.Add((message, now));
                if (FollowOn.TryGetValue(message, out var next))
                {
                    Schedule(next.Id, now + next.After);
                }
            }

            return Task.FromResult(QueueHandlingResult.Done);
        }

        public Task<QueueHandlingResult> DeliverWebhookAsync(string message, long dequeueCount, CancellationToken cancellationToken) =>
            Task.FromResult(QueueHandlingResult.Done);

        public Task<Instant?> NextDueAsync(Instant after, Instant until, CancellationToken cancellationToken) =>
            Task.FromResult(_due.Where(d => d.Due > after && d.Due <= until).Select(d => (Instant?)d.Due).FirstOrDefault());
    }
}
