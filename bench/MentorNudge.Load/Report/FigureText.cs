using System.Globalization;
using MentorNudge.Load.Scenarios;

namespace MentorNudge.Load.Report;

/// <summary>Turns scenario results into table rows with the paragraph that explains each.</summary>
internal static class FigureText
{
    public static Figure P1(DispatchScalingResult r, string command) => new(
        "P1",
        $"dispatcher tick, {r.Due:N0} due, {r.Stored:N0} vs {r.Due:N0} stored",
        "<= 1.2",
        I($"median tick {r.LargeMedianMs:F0} ms with {r.Stored:N0} stored vs {r.SmallMedianMs:F0} ms with {r.Due:N0} ({r.SmallMs.Count} ticks each; index query alone {r.LargeQueryMs:F0} vs {r.SmallQueryMs:F0} ms)"),
        I($"{r.Ratio:F2}"),
        r.Ratio <= 1.2,
        command,
        I($"One tick = read the cursor, one partition-key range query over the minute buckets (and their 4 shards) between the cursor and now, one point read per index row to re-check its nudge, one queue message per nudge still due, move the cursor. ") +
        I($"Both deployments hold the same {r.Due:N0} due nudges; the large one also holds {r.Stored - r.Due:N0} nudges due over the next 30 days (nudge rows in user partitions of 50, index rows in their hourly buckets), bulk-written in {r.LoadTime.TotalSeconds:F0} s as {r.LoadRequests:N0} entity-group transactions of up to 100 rows (one at a time: Azurite 3.37 cannot run two transactions at once). ") +
        I($"Nothing in the tick's requests depends on what is stored: the query names only the due buckets and the point reads are by key. What does grow is Azurite's own work: it evaluates a query against every row of the table (measured: {r.SmallQueryMs:F0} ms vs {r.LargeQueryMs:F0} ms for the same range query), where Table storage seeks to the partition range; point reads use its key index. ") +
        I($"The tick's time is dominated by the {r.Due:N0} point reads and {r.Due:N0} queue puts (16 in flight). Of the {r.LargeMedianMs - r.SmallMedianMs:F0} ms between the medians, the index query accounts for {r.LargeQueryMs - r.SmallQueryMs:F0} ms; the rest is the emulator serving the same point reads and puts from a table and heap 100 times larger, plus run-to-run noise on a shared machine (ticks: {string.Join(", ", r.SmallMs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms vs {string.Join(", ", r.LargeMs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms). The same measurement is also in bench/MentorNudge.Bench (`dispatcher` mode), written with the pipeline."));

    public static IEnumerable<Figure> P2(OperationBreakdown o, string command)
    {
        yield return new Figure(
            "P2a",
            "storage requests per delivered follow-up",
            "<= 6",
            I($"{o.PerDelivered:F1} = schedule {o.SchedulePer:F1} + dispatch {o.DispatchPerDelivered:F1} + send {o.SendPerDelivered:F1} ({o.Delivered} delivered); dispatch + send without the queue host's receive/delete: {o.PipelineOnlyPerDelivered:F1}"),
            I($"{o.PerDelivered:F1} / 6 = {o.PerDelivered / 6:F2}"),
            Math.Round(o.PerDelivered, 1) <= 6,
            command,
            "Counted by the storage clients' own pipeline policy (StorageOperationCounter, every HTTP attempt incl. retries) in the P5 run. " +
            "Schedule = the outreach call (load the user partition with one query, write the ask, write the planned nudge row, write its due-index row). " +
            "Dispatch = the point read that re-checks the nudge and the queue put, plus a share of the tick's fixed cost. " +
            I($"Send = everything the queue workers did (receive in batches of 32, load the user partition, claim the nudge with an If-Match lease, record Sent, record the provider id in the delivery map, delete the message): {OperationBreakdown.Format(o.Send)}. ") +
            I($"The narrower count (dispatch and send only, leaving out scheduling and the receive/delete the Functions queue trigger makes) is {o.PipelineOnlyPerDelivered:F1}; that is what the pipeline's operation-budget test asserts (6), while the ratio here uses the whole life of the follow-up, as a durable timer's 20–25 does. ") +
            "Durable Functions needs roughly 20–25 for one durable timer. What keeps this above 6 is the pipeline's safety writes: the lease before the send and the Sent record after it are two writes (the price of sending once when two workers hold the same message), and the ask and its nudge are written in two requests although they share a partition and could be one transaction.");
        yield return new Figure(
            "P2b",
            "storage requests per cancelled follow-up",
            "<= 3",
            I($"{o.PerCancelled:F1} = reply {o.CancelPer:F1} + dispatcher skip {o.DispatchPerSkipped:F1} ({o.Cancelled} cancelled; scheduling it cost {o.SchedulePer:F1} more)"),
            I($"{o.PerCancelled:F1} / 3 = {o.PerCancelled / 3:F2}"),
            Math.Round(o.PerCancelled, 1) <= 3,
            command,
            "The marginal cost of a cancellation, in the same run: the reply call (load the partition, one transaction that marks the ask answered and the nudge Cancelled, If-Match) and the one point read with which the dispatcher later finds the nudge no longer Scheduled and skips its index row (rows are left behind on purpose: deleting them would cost a request per cancellation).");
    }

    public static Figure P3(EndToEndResult r, RawRate raw, string command)
    {
        var ratio = r.NudgesPerSecond / raw.TriplesPerSecond;
        var requestRatio = r.RequestsPerSecond / raw.RequestsPerSecond;
        return new Figure(
            "P3",
            "end-to-end throughput vs Azurite raw put+get+delete",
            ">= 70 %",
            I($"{r.NudgesPerSecond:F0} nudges/s ({r.Delivered} in {r.Total.Wall.TotalSeconds:F1} s) vs {raw.TriplesPerSecond:F0} put+get+delete/s; {r.RequestsPerNudge:F1} storage requests per nudge"),
            I($"{ratio:P0} (storage requests/s: {requestRatio:P0} of raw)"),
            ratio >= 0.70,
            command,
            I($"One nudge = one outreach logged through the application service, the dispatcher tick that enqueues it, and the send worker's handling through the real ACS client to the in-process ACS server (one POST /emails:send and one status poll); {r.RequestsPerNudge:F1} storage requests in all (schedule {r.ScheduleRequests}, dispatch {r.DispatchRequests}, send {r.SendRequests} for {r.Delivered}). ") +
            I($"One raw unit = insert a small entity, read it back, delete it: 3 requests, {raw.Concurrency} loops in flight, {raw.Triples:N0} triples ({raw.TriplesPerSecond:F0}/s, Azurite used {raw.Cpu.Helper.TotalSeconds:F1} s CPU in {raw.Cpu.Wall.TotalSeconds:F1} s). ") +
            I($"A nudge costs about {r.RequestsPerNudge / 3:F1} raw units of storage work, so even a pipeline that kept Azurite as busy as the raw loop would reach about {3 / r.RequestsPerNudge:P0}; the second ratio (storage requests per second, pipeline vs raw) says how busy it kept it: the rest is the pipeline's own CPU (planning, rendering, JSON, HMAC signing of ACS requests) competing for the same 2 cores with node. ") +
            I($"Phases: schedule {r.Schedule.Wall.TotalSeconds:F1} s, dispatch {r.Dispatch.Wall.TotalSeconds:F1} s, send {r.Send.Wall.TotalSeconds:F1} s; CPU {r.Total.Self.TotalSeconds:F1} s in this process + {r.Total.Helper.TotalSeconds:F1} s in Azurite. The 70 % goal compares a nudge with one put+get+delete and cannot be met by a design that needs more than 4 requests per nudge; it is reported as measured."));
    }

    public static Figure P5(ReminderWorkload workload, ReminderRun hangfire, ReminderRun mentorNudge, string command)
    {
        var figure = SideBySide.ToFigure(workload, hangfire, mentorNudge, command);
        return figure with
        {
            Notes =
                I($"The same seeded workload on both, in one process run: {workload.Count} reminders with delays uniform in [0, {workload.MaxDelay.TotalSeconds:F0} s], the seeded 40 % cancelled ten submissions after their own (a reply soon after the outreach), the rest fired. ") +
                I($"Hangfire 1.8.25 on Hangfire.Storage.SQLite 0.4.3 (sqlite-net-pcl 1.11.285, SourceGear.sqlite3 3.53.4 native library; restores and runs on net10.0 as is), file database in WAL mode, one BackgroundJobServer with default 10 workers, schedule and queue polling tuned from 15 s to 1 s; each reminder is BackgroundJobClient.Create with a ScheduledState (due {workload.Lead.TotalSeconds:F0} s + delay after its creation, real time), cancelled with Delete; the job records that it ran. {hangfire.Details}. ") +
                "Hangfire persists per reminder a job row, its parameters, state rows (Scheduled, then Enqueued/Processing/Succeeded or Deleted), a schedule set entry, a queue row, plus distributed-lock rows and counters, all in SQLite in the same process (no network). " +
                I($"MentorNudge persists per reminder an ask row, a nudge row, a due-index row and a queue message, all over HTTP to Azurite (node, a separate process whose CPU is counted), and each fired one also reads the user's partition, renders the email, sends it through the ACS client (HMAC-signed, to the in-process ACS server) and records Sent and the delivery id. {mentorNudge.Details}. ") +
                "Completion time is the wall time from the first submission to the last fire. Hangfire's delayed jobs wait for real time, so its completion includes the delays (at least 15 s) and its firing overlaps that wait; MentorNudge runs on its injected fake clock, which jumps to the last due instant, so one dispatcher tick and the queue workers do all the firing at once, after the submissions, with no waiting. Neither is the other's shape, so the measured column also gives 'active' time (submission time + time from the last due instant to the last fire), which flatters Hangfire for the same reason. CPU time is the fairer comparison of work done. " +
                "CPU time is process TotalProcessorTime deltas (plus Azurite's node process for MentorNudge); storage operations are SQL statements (sqlite-net trace, including Hangfire's polling) vs HTTP storage requests. The two sides do different work per reminder (Hangfire's job does nothing; MentorNudge's sends an email), so this is not apples to apples.",
        };
    }

    public static Figure M1(MemoryResult m, string command) => new(
        "M1",
        I($"peak working set holding {m.Users:N0} users and {m.People:N0} people"),
        "report",
        I($"host process peak {Mib(m.PeakBytes)} (resident at end {Mib(m.RssBytes)}); Azurite holding the data: {Mib(m.AzuriteRssBytes)} resident"),
        Mib(m.PeakBytes),
        null,
        command,
        I($"This is not `mentornudge serve` itself: the local host landed on main only after this harness was built, so, as agreed for that case, a child process hosts the same service container (`AddMentorNudge`, the composition root serve uses) with a fake clock and no HTTP server or background workers; serve adds Kestrel, the API and its hosted workers on top. ") +
        I($"The {m.Users:N0} users and {m.People:N0} people were written with one entity-group transaction per user partition ({m.LoadRequests:N0} requests, {m.LoadTime.TotalSeconds:F0} s), not through the application service: adding 100,000 people one call at a time would make Azurite evaluate each call's partition query against every row of the table (quadratic on the emulator, not on Table storage). ") +
        I($"The host then did: {m.Details}. Its peak working set (VmHWM) is what it needs to serve; it keeps no per-user state between calls (every call loads the one user partition it needs), so the figure is dominated by the runtime, the Azure SDK clients and the loaded partitions in flight, not by the number of users. The data itself lives in Azurite's memory (in-memory mode), reported beside it."));

    private static string Mib(long bytes) => I($"{bytes / 1024.0 / 1024.0:F0} MiB");

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
