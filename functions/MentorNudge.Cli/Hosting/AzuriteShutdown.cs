using System.Diagnostics;
using System.Globalization;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// Stops a persistent Azurite gracefully. Azurite writes its data files every 5 seconds and on
/// SIGTERM/SIGINT; a hard kill would lose the last seconds of writes, so <c>serve</c> asks it to
/// stop first. Its process id is kept in the data folder, so an Azurite orphaned by a killed
/// <c>serve</c> is stopped before a new one opens the same files.
/// </summary>
public static class AzuriteShutdown
{
    private const string PidFile = "azurite.pid";

    /// <summary>Finds the Azurite child of this process listening on <paramref name="tablePort"/> and records its id.</summary>
    public static int? Remember(string dataFolder, int tablePort)
    {
        var pid = FindChild(Environment.ProcessId, "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture));
        if (pid is not null)
        {
            File.WriteAllText(Path.Combine(dataFolder, PidFile), pid.Value.ToString(CultureInfo.InvariantCulture));
        }

        return pid;
    }

    /// <summary>Stops an Azurite left running on <paramref name="dataFolder"/> by an earlier, killed run.</summary>
    public static async Task StopLeftoverAsync(string dataFolder)
    {
        var path = Path.Combine(dataFolder, PidFile);
        if (!File.Exists(path) || !int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        // Only an Azurite serving this very folder: a recycled process id belongs to someone else.
        if (CommandLine(pid) is { } command && command.Contains("azurite", StringComparison.Ordinal) && command.Contains(Path.GetFullPath(dataFolder), StringComparison.Ordinal))
        {
            await TerminateAsync(pid).ConfigureAwait(false);
        }

        File.Delete(path);
    }

    /// <summary>Sends SIGTERM and waits up to 15 seconds for the process to save and exit.</summary>
    public static async Task TerminateAsync(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (kill is not null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return;
        }

        for (var i = 0; i < 150 && Directory.Exists($"/proc/{pid}"); i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private static int? FindChild(int parent, params string[] arguments)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.Parse(fields[1], CultureInfo.InvariantCulture) == parent
                    && CommandLine(pid) is { } command && arguments.All(a => command.Contains(a, StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        return null;
    }

    private static string? CommandLine(int pid)
    {
        try
        {
            var path = $"/proc/{pid}/cmdline";
            return File.Exists(path) ? File.ReadAllText(path).Replace('\0', ' ') : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
