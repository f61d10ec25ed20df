using System.Globalization;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// Keeps the id of a persistent Azurite in its data folder, so an Azurite orphaned by a killed
/// <c>serve</c> is stopped (gracefully, see <see cref="AzuriteProcess.TerminateAsync"/>) before a
/// new one opens the same files.
/// </summary>
public static class AzuriteShutdown
{
    private const string PidFile = "azurite.pid";

    /// <summary>Records the id of the Azurite serving <paramref name="dataFolder"/>.</summary>
    public static void Remember(string dataFolder, AzuriteProcess azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        File.WriteAllText(Path.Combine(dataFolder, PidFile), azurite.ProcessId.ToString(CultureInfo.InvariantCulture));
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
            await AzuriteProcess.TerminateAsync(pid, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }

        File.Delete(path);
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
