using System.Globalization;
using MentorNudge.Load.Report;

namespace MentorNudge.Load.Scenarios;

/// <summary>P5: the same reminder workload on Hangfire and on MentorNudge, compared.</summary>
internal static class SideBySide
{
    public static Figure ToFigure(ReminderWorkload workload, ReminderRun hangfire, ReminderRun? mentorNudge, string command)
    {
        static string Secs(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";
        static string Active(ReminderRun r) => Secs(r.Submit.Wall + Max0(r.LagAfterLastDue));

        var hf = $"Hangfire: wall {Secs(hangfire.Total.Wall)} (active {Active(hangfire)}), CPU {Secs(hangfire.Total.Total)}, " +
                 $"{hangfire.Operations} SQL statements ({(double)hangfire.Operations / workload.Count:F1}/reminder), fired {hangfire.Fired}, cancelled-but-fired {hangfire.FiredCancelled}";
        if (mentorNudge is null)
        {
            return new Figure("P5", $"side by side with Hangfire, {workload.Count} reminders, 40 % cancelled",
                "MentorNudge >= 1.0x Hangfire (CPU)", hf + "; MentorNudge side not measured", "n/a", null, command,
                "The MentorNudge side could not run in this build (see the run's log).");
        }

        var cpuRatio = hangfire.Total.Total.TotalSeconds / mentorNudge.Total.Total.TotalSeconds;
        var activeRatio = (hangfire.Submit.Wall + Max0(hangfire.LagAfterLastDue)).TotalSeconds /
                          (mentorNudge.Submit.Wall + Max0(mentorNudge.LagAfterLastDue)).TotalSeconds;
        var opsRatio = (double)hangfire.Operations / mentorNudge.Operations;
        var mn = $"MentorNudge: wall {Secs(mentorNudge.Total.Wall)}, CPU {Secs(mentorNudge.Total.Total)} " +
                 $"(process {Secs(mentorNudge.Total.Self)} + Azurite {Secs(mentorNudge.Total.Helper)}), " +
                 $"{mentorNudge.Operations} storage requests ({(double)mentorNudge.Operations / workload.Count:F1}/reminder), fired {mentorNudge.Fired}, cancelled-but-fired {mentorNudge.FiredCancelled}";
        return new Figure(
            "P5",
            $"side by side with Hangfire, {workload.Count} reminders, 40 % cancelled",
            "MentorNudge >= 1.0x Hangfire",
            hf + "; " + mn,
            $"CPU {cpuRatio:F2}x, active time {activeRatio:F2}x, storage ops {opsRatio:F2}x (Hangfire / MentorNudge)",
            cpuRatio >= 1.0,
            command,
            "");
    }

    private static TimeSpan Max0(TimeSpan t) => t > TimeSpan.Zero ? t : TimeSpan.Zero;
}
