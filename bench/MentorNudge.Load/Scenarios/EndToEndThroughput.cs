using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Load.Infrastructure;
using NodaTime;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// P3: nudges per second through the whole pipeline on Azurite: log an outreach (which plans and
/// stores the follow-up and its index row), one dispatcher tick once they are due, and the send
/// workers through the ACS client to the in-process ACS server. Users are worked on in parallel
/// (each user's outreach in order, as one user's requests would arrive).
/// </summary>
internal static class EndToEndThroughput
{
    public static async Task<EndToEndResult> RunAsync(StorageHost host, int count, int parallelism)
    {
        await using var stack = await MentorNudgeStack.StartAsync(host.ConnectionString, "pthree", BenchUsers.Start);
        var pairs = await BenchUsers.CreateAsync(stack, (count + 9) / 10, parallelism);
        await stack.Dispatcher.DispatchDueAsync(stack.Clock.GetCurrentInstant());
        stack.Counter.Reset();
        var now = stack.Clock.GetCurrentInstant();
        var random = new Random(7);
        var sentAt = Enumerable.Range(0, count).Select(_ => now - Duration.FromMinutes(random.Next(24 * 60))).ToArray();

        var cpu = new CpuMeter(host.Pid);
        var start = cpu.Sample();
        var lastDue = now;
        var gate = new object();
        await Parallel.ForEachAsync(Enumerable.Range(0, (count + 9) / 10), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (u, ct) =>
        {
            for (var i = u * 10; i < Math.Min(count, (u + 1) * 10); i++)
            {
                var result = await stack.Outreach.LogAsync(pairs[i].UserId, pairs[i].PersonId, new OutreachDraft(sentAt[i], "email", "Quick question", "Loved your talk on queues."), ct);
                lock (gate)
                {
                    var due = result.FollowUps.Single().DueAt;
                    lastDue = due > lastDue ? due : lastDue;
                }
            }
        });
        var scheduled = cpu.Sample();
        var scheduleOps = stack.Counter.Total;

        stack.Clock.Reset(lastDue + Duration.FromMinutes(1));
        var tick = await stack.Dispatcher.DispatchDueAsync(stack.Clock.GetCurrentInstant());
        var dispatched = cpu.Sample();
        var dispatchOps = stack.Counter.Total - scheduleOps;
        var pump = await NudgeQueueDrain.DrainAsync(stack, parallelism);
        var end = cpu.Sample();
        var total = stack.Counter.Total;
        return new EndToEndResult(
            count,
            stack.Acs.Received.Count,
            end.Since(start),
            scheduled.Since(start),
            dispatched.Since(scheduled),
            end.Since(dispatched),
            total,
            scheduleOps,
            dispatchOps,
            total - scheduleOps - dispatchOps,
            $"tick enqueued {tick.Enqueued}; pump {pump}");
    }
}

internal sealed record EndToEndResult(
    int Count,
    int Delivered,
    CpuDelta Total,
    CpuDelta Schedule,
    CpuDelta Dispatch,
    CpuDelta Send,
    long Requests,
    long ScheduleRequests,
    long DispatchRequests,
    long SendRequests,
    string Details)
{
    public double NudgesPerSecond => Delivered / Total.Wall.TotalSeconds;

    public double RequestsPerNudge => (double)Requests / Math.Max(1, Delivered);

    public double RequestsPerSecond => Requests / Total.Wall.TotalSeconds;
}
