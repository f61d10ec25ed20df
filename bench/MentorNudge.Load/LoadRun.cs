using System.Diagnostics;
using MentorNudge.Load.Infrastructure;
using MentorNudge.Load.Report;
using MentorNudge.Load.Scenarios;

namespace MentorNudge.Load;

/// <summary>
/// One measuring run: starts Azurite, measures its raw rate and every MentorNudge figure against
/// it, runs the Hangfire side in the same process, and saves the figures. A scenario that fails
/// is reported as not measured; the others still run.
/// </summary>
internal static class LoadRun
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var quick = arguments.Has("quick");
        var only = arguments.Get("only", "P1,P2,P3,P5,M1").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var outDir = arguments.Get("out", "artifacts/bench");
        var work = Path.Combine(Path.GetTempPath(), "mentornudge-load-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var command = "bench/run-all" + (quick ? " --quick" : "");
        var failures = 0;

        MachineInfo? machine = null;
        var figures = new List<Figure>();

        // Every scenario gets a fresh Azurite (in memory), so that what one scenario left in the
        // emulator (rows, cleared messages) cannot slow the next one down.
        async Task Step(string id, Func<StorageHost, Task> step)
        {
            if (!only.Contains(id))
            {
                return;
            }

            // One retry on a fresh Azurite when the emulator's process dies under a scenario.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var host = await StorageHost.StartAsync();
                    machine ??= MachineInfo.Read(host.Version);
                    Log($"{id}: Azurite {host.Version} (pid {host.Pid?.ToString() ?? "?"}), load {MachineInfo.LoadAverage()}");
                    await host.GuardAsync(() => step(host));
                    return;
                }
                catch (Exception e) when (attempt == 1 && e.Message.Contains("exited during", StringComparison.Ordinal))
                {
                    Log($"{id}: {e.Message} Retrying once on a fresh Azurite.");
                }
                catch (Exception e)
                {
                    failures++;
                    Log($"{id} failed: {e}");
                    figures.Add(new Figure(id, "not measured", "", $"failed: {e.GetType().Name}: {e.Message}", "n/a", null, command, "The scenario failed in this run; see the run's log."));
                    return;
                }
            }
        }

        await Step("P1", async host =>
        {
            var stored = quick ? 20_000 : 100_000;
            Log($"P1: 1,000 due, {stored:N0} stored");
            var p1 = await DispatchScaling.RunAsync(host, 1_000, stored, repetitions: quick ? 3 : 5);
            Log($"P1: {p1}");
            figures.Add(FigureText.P1(p1, command));
        });

        await Step("P5", async host =>
        {
            var workload = ReminderWorkload.Create(quick ? 300 : 1000, seed: 20261126, lead: TimeSpan.FromSeconds(5), maxDelay: TimeSpan.FromSeconds(10));
            Log($"P5 Hangfire: {workload.Count} reminders");
            var hangfire = HangfireReminders.Run(workload, work);
            Log($"P5 Hangfire: {hangfire}");
            Log($"P5 MentorNudge: {workload.Count} reminders");
            var (mentorNudge, ops) = await MentorNudgeReminders.RunAsync(host, workload, "pfive");
            Log($"P5 MentorNudge: {mentorNudge}");
            Log($"P2: {ops}");
            figures.Add(FigureText.P5(workload, hangfire, mentorNudge, command));
            figures.AddRange(FigureText.P2(ops, command));
        });

        await Step("P3", async host =>
        {
            // Azurite's raw rate on the same fresh instance, just before the pipeline runs on it.
            var raw = await AzuriteRawRate.MeasureAsync(host, quick ? 1000 : 4000, 16);
            Log($"Azurite raw: {raw.TriplesPerSecond:F0} put+get+delete/s ({raw.RequestsPerSecond:F0} requests/s)");
            var count = quick ? 300 : 1000;
            Log($"P3: {count} nudges end to end");
            var p3 = await EndToEndThroughput.RunAsync(host, count, parallelism: 16);
            Log($"P3: {p3}");
            figures.Add(FigureText.P3(p3, raw, command));
        });

        await Step("M1", async host =>
        {
            Log("M1: memory");
            var m1 = await ServeMemory.RunAsync(host, quick ? 1_000 : 10_000, 10, work);
            Log($"M1: {m1}");
            figures.Add(FigureText.M1(m1, command));
        });

        new RunResults(machine ?? MachineInfo.Read("not started"), MachineInfo.LoadAverage(), figures).Save(Path.Combine(outDir, "load.json"));
        Log($"done; load {MachineInfo.LoadAverage()}");
        Directory.Delete(work, recursive: true);
        return failures == 0 ? 0 : 1;
    }

    internal static void Log(string message) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
