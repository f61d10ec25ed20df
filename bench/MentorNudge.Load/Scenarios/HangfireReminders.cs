using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using MentorNudge.Load.Infrastructure;
using SQLite;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// The P5 workload on Hangfire 1.8 with SQLite storage: N delayed jobs with seeded random delays,
/// 40 % deleted before they are due (the "reply"), the rest fired by a Hangfire server in this
/// process. Hangfire's scheduler uses real time, so delays are short (seconds).
/// </summary>
internal static class HangfireReminders
{
    public static ReminderRun Run(ReminderWorkload workload, string workDir)
    {
        var dbPath = Path.Combine(workDir, "hangfire.db");
        foreach (var file in Directory.EnumerateFiles(workDir, "hangfire.db*"))
        {
            File.Delete(file);
        }

        var statements = new StatementCounter();
        var factory = new SQLiteDbConnectionFactory(() => new SQLiteConnection(
            dbPath,
            SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.NoMutex,
            storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(10),
            Trace = true,
            Tracer = statements.Record,
        });

        // Polling intervals tuned down from 15 s so that seconds-long delays are meaningful.
        var options = new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) };
        using var storage = new SQLiteStorage(factory, options);
        var client = new BackgroundJobClient(storage);
        HangfireReminderJob.Reset(workload.Count, workload.Cancelled);

        // Exact statements per create and per delete, measured before any server polls.
        const int Calibration = 20;
        statements.Reset();
        var probe = Enumerable.Range(0, Calibration)
            .Select(_ => client.Create(() => HangfireReminderJob.Fire(-1), new ScheduledState(DateTime.UtcNow.AddDays(1))))
            .ToList();
        var perCreate = (double)statements.Count / Calibration;
        statements.Reset();
        probe.ForEach(id => client.Delete(id));
        var perDelete = (double)statements.Count / Calibration;

        var cpu = new CpuMeter(null);
        statements.Reset();
        var start = cpu.Sample();

        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                ServerName = "bench",
            },
            storage);

        // Each reminder is due Lead + its random delay after it is created, and the ones to cancel
        // are deleted a few creations later (a reply arriving soon after the outreach), so every
        // cancellation precedes its due time however fast the machine is.
        var ids = new string[workload.Count];
        var toCancel = workload.Cancelled.ToHashSet();
        var lastDue = DateTimeOffset.MinValue;
        long scheduleStatements = 0, cancelStatements = 0;
        var lateCancels = 0;
        var due = new DateTimeOffset[workload.Count];
        for (var i = 0; i < workload.Count + CancelLag; i++)
        {
            if (i < workload.Count)
            {
                var before = statements.Count;
                due[i] = DateTimeOffset.UtcNow + workload.Lead + workload.Delays[i];
                lastDue = due[i] > lastDue ? due[i] : lastDue;
                var n = i;
                ids[i] = client.Create(() => HangfireReminderJob.Fire(n), new ScheduledState(due[i].UtcDateTime));
                scheduleStatements += statements.Count - before;
            }

            var c = i - CancelLag;
            if (c >= 0 && toCancel.Contains(c))
            {
                var before = statements.Count;
                if (DateTimeOffset.UtcNow >= due[c])
                {
                    lateCancels++;
                }

                client.Delete(ids[c]);
                cancelStatements += statements.Count - before;
            }
        }

        var submitted = cpu.Sample();
        var finished = HangfireReminderJob.WaitAll(workload.Lead + workload.MaxDelay + TimeSpan.FromMinutes(2));
        var end = cpu.Sample();
        var lastFiredAt = HangfireReminderJob.LastFiredAt;
        var total = statements.Count;
        var breakdown = statements.Breakdown();

        // What the server costs while there is nothing to do (polling), for the reader.
        var idleFrom = statements.Count;
        var idleClock = System.Diagnostics.Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(3));
        var idlePerSecond = (statements.Count - idleFrom) / idleClock.Elapsed.TotalSeconds;

        return new ReminderRun(
            System: "Hangfire 1.8.25 + Hangfire.Storage.SQLite 0.4.3",
            Completed: finished,
            Fired: HangfireReminderJob.Fired,
            FiredCancelled: HangfireReminderJob.FiredOf(workload.Cancelled),
            Total: end.Since(start),
            Submit: submitted.Since(start),
            Operations: total,
            ScheduleOperations: scheduleStatements,
            CancelOperations: cancelStatements,
            LagAfterLastDue: lastFiredAt - lastDue,
            LateCancels: lateCancels,
            Details: string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"SQL statements: {perCreate:F0} per create, {perDelete:F0} per delete (each measured alone before the server started), {scheduleStatements} during creates and {cancelStatements} during deletes in the run (polling included), {idlePerSecond:F0}/s when idle (polling); {breakdown} in the measured window; {lateCancels} deletes came after the due time"));
    }

    private const int CancelLag = 10;

    /// <summary>Counts every statement sqlite-net executes, from its trace hook.</summary>
    private sealed class StatementCounter
    {
        private long _count;
        private long _select;
        private long _write;

        public long Count => Interlocked.Read(ref _count);

        public void Reset()
        {
            Interlocked.Exchange(ref _count, 0);
            Interlocked.Exchange(ref _select, 0);
            Interlocked.Exchange(ref _write, 0);
        }

        public void Record(string text)
        {
            Interlocked.Increment(ref _count);
            if (text.Contains("select", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _select);
            }
            else
            {
                Interlocked.Increment(ref _write);
            }
        }

        public string Breakdown() => $"{Interlocked.Read(ref _select)} reads, {Interlocked.Read(ref _write)} writes/other";
    }
}
