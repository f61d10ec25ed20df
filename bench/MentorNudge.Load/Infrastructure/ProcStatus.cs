using System.Globalization;

namespace MentorNudge.Load.Infrastructure;

/// <summary>Reads memory figures (VmHWM: peak resident set; VmRSS: current) from /proc/&lt;pid&gt;/status, in bytes.</summary>
internal static class ProcStatus
{
    public static long Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
