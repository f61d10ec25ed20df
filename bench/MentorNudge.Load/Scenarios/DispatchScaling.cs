using System.Diagnostics;
using MentorNudge.Core.Model;
using MentorNudge.Load.Infrastructure;
using NodaTime;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// P1: one dispatcher tick over the same 1,000 due nudges, with 1,000 nudges stored in all and
/// with 100,000 stored (99,000 due over the next 30 days). Each deployment has its own tables in
/// the same Azurite. The tick is repeated (cursor set back, queue cleared between ticks, neither
/// timed), alternating the two, and the medians are compared.
/// </summary>
internal static class DispatchScaling
{
    public static async Task<DispatchScalingResult> RunAsync(StorageHost host, int due, int stored, int repetitions)
    {
        var now = Instant.FromUtc(2026, 9, 2, 9, 0);
        var window = Duration.FromMinutes(1);
        var random = new Random(20261126);
        var dueNudges = Enumerable.Range(0, due).Select(i => Make(i, now - Duration.FromMilliseconds(random.Next(59_000)))).ToList();
        var future = Enumerable.Range(due, stored - due)
            .Select(i => Make(i, now + Duration.FromHours(1 + random.Next(30 * 24)))) // whole hours: reminders fall on local hours
            .ToList();

        await using var small = await MentorNudgeStack.StartAsync(host.ConnectionString, "pones", now);
        await using var large = await MentorNudgeStack.StartAsync(host.ConnectionString, "ponel", now);
        var load = Stopwatch.StartNew();
        await BulkLoader.LoadAsync(host.ConnectionString, small.Clients, dueNudges);
        var requests = await BulkLoader.LoadAsync(host.ConnectionString, large.Clients, [.. dueNudges, .. future]);
        var loadTime = load.Elapsed;

        var smallTimes = new List<double>();
        var largeTimes = new List<double>();
        var smallQuery = new List<double>();
        var largeQuery = new List<double>();
        for (var r = 0; r < repetitions + 1; r++)
        {
            foreach (var (stack, times, queries) in new[] { (small, smallTimes, smallQuery), (large, largeTimes, largeQuery) })
            {
                // The index range query alone: Azurite evaluates a query against every row of the
                // table (Table storage seeks by partition key), so this isolates the emulator's share.
                var q = Stopwatch.StartNew();
                _ = await stack.Get<MentorNudge.Infrastructure.Storage.DueIndex>().ReadAsync(now - window, now);
                if (r > 0)
                {
                    queries.Add(q.Elapsed.TotalMilliseconds);
                }

                var (_, etag, _) = await stack.Checkpoint.ReadAsync();
                await stack.Checkpoint.TryAdvanceAsync(now - window, etag, now - window);
                await stack.Clients.NudgeQueue.ClearMessagesAsync();
                var clock = Stopwatch.StartNew();
                var tick = await stack.Dispatcher.DispatchDueAsync(now);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (tick.Enqueued != due)
                {
                    throw new InvalidOperationException($"The tick enqueued {tick.Enqueued} of {due} due nudges.");
                }

                if (r > 0)
                {
                    // The first round warms connections and the JIT.
                    times.Add(elapsed);
                }
            }
        }

        return new DispatchScalingResult(due, stored, Median(smallTimes), Median(largeTimes), Median(smallQuery), Median(largeQuery), smallTimes, largeTimes, loadTime, requests);

        static Nudge Make(int i, Instant dueAt)
        {
            var user = $"u{i / 50:D5}";
            var ask = $"a{i:D7}";
            return new Nudge(NudgeIds.FollowUp(ask, 1), user, NudgeKind.FollowUp, $"p{i:D7}", ask, 1, dueAt, NudgeStatus.Scheduled);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

internal sealed record DispatchScalingResult(
    int Due,
    int Stored,
    double SmallMedianMs,
    double LargeMedianMs,
    double SmallQueryMs,
    double LargeQueryMs,
    IReadOnlyList<double> SmallMs,
    IReadOnlyList<double> LargeMs,
    TimeSpan LoadTime,
    int LoadRequests)
{
    public double Ratio => LargeMedianMs / SmallMedianMs;
}
