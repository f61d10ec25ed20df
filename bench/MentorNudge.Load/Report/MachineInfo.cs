using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MentorNudge.Load.Report;

/// <summary>The machine a run measured on, read from the OS at the start and end of the run.</summary>
internal sealed record MachineInfo(
    int Cores,
    string CpuModel,
    string Memory,
    string Runtime,
    string Sdk,
    string Node,
    string Azurite,
    string Os,
    string StartedUtc,
    string LoadAtStart)
{
    public static MachineInfo Read(string azuriteVersion) => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadMemory(),
        RuntimeInformation.FrameworkDescription,
        Run("dotnet", "--version"),
        Run("node", "--version"),
        azuriteVersion,
        RuntimeInformation.OSDescription,
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        LoadAverage());

    /// <summary>1/5/15-minute load averages, to say whether the machine was otherwise idle.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string ReadCpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string ReadMemory()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            var kb = long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return $"{kb / 1024.0 / 1024.0:F1} GiB";
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
        {
            return "unknown";
        }
    }

    private static string Run(string file, string args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
