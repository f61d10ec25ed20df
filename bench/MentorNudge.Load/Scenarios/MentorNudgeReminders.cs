using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;
using MentorNudge.Load.Infrastructure;
using NodaTime;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// The P5 workload on MentorNudge, through the application service on Azurite: one outreach per
/// reminder (each schedules one follow-up), a reply for the seeded 40 % (cancels it), then the
/// fake clock jumps past every due instant, one dispatcher tick enqueues, and a queue pump sends
/// through the ACS client to the in-process ACS server. Storage requests are counted per call
/// (calls are sequential in the submit phase, so each count is exact), which gives P2 as well.
/// </summary>
internal static class MentorNudgeReminders
{
    private const int CancelLag = 10;

    public static async Task<(ReminderRun Run, OperationBreakdown Ops)> RunAsync(StorageHost host, ReminderWorkload workload, string name)
    {
        await using var stack = await MentorNudgeStack.StartAsync(host.ConnectionString, name, BenchUsers.Start);
        var pairs = await BenchUsers.CreateAsync(stack, (workload.Count + 9) / 10, parallelism: 8);

        // First tick: sets the cursor, so the measured tick reads exactly (start, due].
        await stack.Dispatcher.DispatchDueAsync(stack.Clock.GetCurrentInstant());
        stack.Counter.Reset();

        var cpu = new CpuMeter(host.Pid);
        var start = cpu.Sample();
        var toCancel = workload.Cancelled.ToHashSet();
        var nudgeIds = new string[workload.Count];
        long scheduleOps = 0, cancelOps = 0;
        var now = stack.Clock.GetCurrentInstant();
        var lastDue = now;
        var scale = Duration.FromHours(24).TotalTicks / workload.MaxDelay.Ticks;
        for (var i = 0; i < workload.Count + CancelLag; i++)
        {
            if (i < workload.Count)
            {
                // The seeded delay, scaled from seconds to a day, says how long ago the outreach
                // went out, which spreads the follow-ups' due instants like Hangfire's delays.
                var sentAt = now - Duration.FromTicks((long)(workload.Delays[i].Ticks * scale));
                var before = stack.Counter.Total;
                var result = await stack.Outreach.LogAsync(pairs[i].UserId, pairs[i].PersonId, new OutreachDraft(sentAt, "email", "Quick question", "Loved your talk on queues."));
                scheduleOps += stack.Counter.Total - before;
                var followUp = result.FollowUps.Single();
                nudgeIds[i] = followUp.NudgeId;
                lastDue = followUp.DueAt > lastDue ? followUp.DueAt : lastDue;
            }

            var c = i - CancelLag;
            if (c >= 0 && toCancel.Contains(c))
            {
                var before = stack.Counter.Total;
                await stack.Interactions.LogReplyAsync(pairs[c].UserId, pairs[c].PersonId);
                cancelOps += stack.Counter.Total - before;
            }
        }

        var submitted = cpu.Sample();

        // Fire: the clock reaches the last due instant; one tick, then the workers drain the queue.
        stack.Clock.Reset(lastDue + Duration.FromMinutes(1));
        var beforeDispatch = stack.Counter.Snapshot();
        var tick = await stack.Dispatcher.DispatchDueAsync(stack.Clock.GetCurrentInstant());
        var dispatched = stack.Counter.Snapshot();
        var pump = await NudgeQueueDrain.DrainAsync(stack, parallelism: 16);
        var end = cpu.Sample();
        var afterSend = stack.Counter.Snapshot();

        var received = stack.Acs.Received;
        var sentIds = received.Select(r => r.Header("X-MentorNudge-Nudge-Id")).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        var firedCancelled = workload.Cancelled.Count(i => sentIds.Contains(nudgeIds[i]));
        var delivered = received.Count;

        var ops = OperationBreakdown.From(
            workload.Count,
            workload.CancelledCount,
            delivered,
            scheduleOps,
            cancelOps,
            Diff(dispatched, beforeDispatch),
            tick,
            Diff(afterSend, dispatched));
        var total = scheduleOps + cancelOps + ops.DispatchTotal + ops.SendTotal;
        var run = new ReminderRun(
            System: "MentorNudge on Azurite",
            Completed: delivered == workload.Count - workload.CancelledCount,
            Fired: delivered,
            FiredCancelled: firedCancelled,
            Total: end.Since(start),
            Submit: submitted.Since(start),
            Operations: total,
            ScheduleOperations: scheduleOps,
            CancelOperations: cancelOps,
            LagAfterLastDue: end.Since(submitted).Wall,
            LateCancels: 0,
            Details: $"tick read {tick.RowsRead} rows, enqueued {tick.Enqueued}, skipped {tick.Skipped}; pump {pump}; ACS sends {stack.Acs.SendRequests}, polls {stack.Acs.PollRequests}");
        return (run, ops);
    }

    internal static Dictionary<string, int> Diff(IReadOnlyDictionary<string, int> after, IReadOnlyDictionary<string, int> before) =>
        after.ToDictionary(kv => kv.Key, kv => kv.Value - (before.TryGetValue(kv.Key, out var b) ? b : 0), StringComparer.Ordinal);
}
