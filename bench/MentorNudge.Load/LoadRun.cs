using System.Diagnostics;
using MentorNudge.Load.Infrastructure;
using MentorNudge.Load.Report;
using MentorNudge.Load.Scenarios;

namespace MentorNudge.Load;

/// <summary>
/// One measuring run: starts Azurite, measures its raw rate and every MentorNudge figure against
/// it, runs the Hangfire side in the same process, and saves the figures.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var quick = arguments.Has("quick");
        var only = arguments.Get("only", "P1,P2,P3,P5,M1").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var outDir = arguments.Get("out", "artifacts/bench");
        var work = Path.Combine(Path.GetTempPath(), "mentornudge-load-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var command = "bench/run-all" + (quick ? " --quick" : "");

        await using var host = await StorageHost.StartAsync();
        var machine = MachineInfo.Read(host.Version);
        Log($"Azurite {host.Version} (pid {host.Pid?.ToString() ?? "?"}), load {machine.LoadAtStart}");
        var figures = new List<Figure>();

        // Raw rate first: P3 compares with it, and it shows whether the machine is busy.
        var raw = await AzuriteRawRate.MeasureAsync(host, quick ? 1000 : 5000, 16);
        Log($"Azurite raw: {raw.TriplesPerSecond:F0} put+get+delete/s ({raw.RequestsPerSecond:F0} requests/s)");

        if (only.Contains("P5"))
        {
            var workload = ReminderWorkload.Create(quick ? 300 : 1000, seed: 20261126, lead: TimeSpan.FromSeconds(5), maxDelay: TimeSpan.FromSeconds(10));
            Log($"P5 Hangfire: {workload.Count} reminders");
            var hangfire = HangfireReminders.Run(workload, work);
            Log($"P5 Hangfire: {hangfire}");
            figures.Add(SideBySide.ToFigure(workload, hangfire, null, command));
        }

        new RunResults(machine, MachineInfo.LoadAverage(), figures).Save(Path.Combine(outDir, "load.json"));
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    internal static void Log(string message) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
