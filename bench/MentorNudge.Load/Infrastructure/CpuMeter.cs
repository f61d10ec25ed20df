using System.Diagnostics;

namespace MentorNudge.Load.Infrastructure;

/// <summary>
/// CPU time of this process and, optionally, of a helper process (Azurite runs in node, out of
/// process, so its CPU is part of what a MentorNudge operation costs).
/// </summary>
internal sealed class CpuMeter(int? helperPid)
{
    public CpuSample Sample()
    {
        var self = Process.GetCurrentProcess();
        self.Refresh();
        var helper = TimeSpan.Zero;
        if (helperPid is int pid)
        {
            try
            {
                using var other = Process.GetProcessById(pid);
                helper = other.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                // The helper has gone; count nothing for it.
            }
        }

        return new CpuSample(self.TotalProcessorTime, helper, Stopwatch.GetTimestamp());
    }
}

internal readonly record struct CpuSample(TimeSpan Self, TimeSpan Helper, long Timestamp)
{
    public CpuDelta Since(CpuSample start) =>
        new(Self - start.Self, Helper - start.Helper, Stopwatch.GetElapsedTime(start.Timestamp, Timestamp));
}

internal readonly record struct CpuDelta(TimeSpan Self, TimeSpan Helper, TimeSpan Wall)
{
    public TimeSpan Total => Self + Helper;
}
