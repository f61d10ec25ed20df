using System.Globalization;
using MentorNudge.Load.Report;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// P5: the same reminder workload on Hangfire and on MentorNudge, compared as Hangfire / MentorNudge
/// (above 1.0 means MentorNudge needed less) on completion time, CPU time and storage operations.
/// </summary>
internal static class SideBySide
{
    public static Figure ToFigure(ReminderWorkload workload, ReminderRun hangfire, ReminderRun mentorNudge, string command)
    {
        var completion = hangfire.Total.Wall.TotalSeconds / mentorNudge.Total.Wall.TotalSeconds;
        var active = Active(hangfire).TotalSeconds / Active(mentorNudge).TotalSeconds;
        var cpu = hangfire.Total.Total.TotalSeconds / mentorNudge.Total.Total.TotalSeconds;
        var cpuProcessOnly = hangfire.Total.Self.TotalSeconds / mentorNudge.Total.Self.TotalSeconds;
        var ops = (double)hangfire.Operations / mentorNudge.Operations;
        var hf = I($"Hangfire: completion {Secs(hangfire.Total.Wall)} (incl. real-time delays; active {Secs(Active(hangfire))}), CPU {Secs(hangfire.Total.Total)}, {hangfire.Operations:N0} SQL statements ({(double)hangfire.Operations / workload.Count:F1}/reminder), fired {hangfire.Fired}, cancelled but fired {hangfire.FiredCancelled}");
        var mn = I($"MentorNudge: completion {Secs(mentorNudge.Total.Wall)} (fake clock; active {Secs(Active(mentorNudge))}), CPU {Secs(mentorNudge.Total.Total)} (process {Secs(mentorNudge.Total.Self)} + Azurite {Secs(mentorNudge.Total.Helper)}), {mentorNudge.Operations:N0} storage requests ({(double)mentorNudge.Operations / workload.Count:F1}/reminder), fired {mentorNudge.Fired}, cancelled but fired {mentorNudge.FiredCancelled}");
        var correct = hangfire.Completed && mentorNudge.Completed && hangfire.FiredCancelled == 0 && mentorNudge.FiredCancelled == 0;
        return new Figure(
            "P5",
            I($"side by side with Hangfire: {workload.Count:N0} reminders, 40 % cancelled"),
            "MentorNudge >= 1.0x Hangfire on each",
            hf + "; " + mn,
            I($"completion {completion:F2}x {Mark(completion)} (active {active:F2}x), CPU {cpu:F2}x {Mark(cpu)} (process only, without Azurite: {cpuProcessOnly:F2}x), storage operations {ops:F2}x {Mark(ops)} (Hangfire / MentorNudge)"),
            correct && completion >= 1.0 && cpu >= 1.0 && ops >= 1.0,
            command,
            "");
    }

    /// <summary>Submit time plus the time from the last due instant to the last fire: the time the system was working, not waiting for real time.</summary>
    public static TimeSpan Active(ReminderRun r) => r.Submit.Wall + (r.LagAfterLastDue > TimeSpan.Zero ? r.LagAfterLastDue : TimeSpan.Zero);

    private static string Mark(double ratio) => ratio >= 1.0 ? "(met)" : "(missed)";

    private static string Secs(TimeSpan t) => I($"{t.TotalSeconds:F1} s");

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
