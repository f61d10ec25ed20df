using System.Globalization;
using MentorNudge.Cli.Hosting;

namespace MentorNudge.Load.Infrastructure;

/// <summary>
/// The Azurite every scenario of one run shares: started in memory on free ports, with the id of
/// its node process so that its CPU time can be measured too.
/// </summary>
internal sealed class StorageHost : IAsyncDisposable
{
    private readonly AzuriteProcess _azurite;

    private StorageHost(AzuriteProcess azurite, int? pid, string version)
    {
        _azurite = azurite;
        Pid = pid;
        Version = version;
    }

    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>The node process serving storage, when it could be found.</summary>
    public int? Pid { get; }

    public string Version { get; }

    public static async Task<StorageHost> StartAsync()
    {
        var executable = AzuriteProcess.FindExecutable()
            ?? throw new InvalidOperationException("Azurite is not installed: run `npm ci --no-audit --no-fund` at the repository root.");
        var azurite = await AzuriteProcess.StartAsync(executable);
        return new StorageHost(azurite, FindPid(azurite.TablePort), ReadVersion(executable));
    }

    // The launcher does not expose the process; find the node process by its unique table port.
    private static int? FindPid(int tablePort)
    {
        var needle = "--tablePort\0" + tablePort.ToString(CultureInfo.InvariantCulture) + "\0";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmdline.Contains(needle, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private static string ReadVersion(string executable)
    {
        // node_modules/.bin/azurite -> node_modules/azurite/package.json
        var modules = Path.GetDirectoryName(Path.GetDirectoryName(executable))!;
        var package = Path.Combine(modules, "azurite", "package.json");
        if (!File.Exists(package))
        {
            return "unknown";
        }

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(package));
        return doc.RootElement.GetProperty("version").GetString() ?? "unknown";
    }

    /// <summary>True while the node process serving storage is alive (unknown counts as alive).</summary>
    public bool IsAlive => Pid is not int pid || Directory.Exists($"/proc/{pid}");

    /// <summary>
    /// Runs <paramref name="work"/> but gives up as soon as Azurite's process is gone, instead of
    /// waiting for every request to time out.
    /// </summary>
    public async Task GuardAsync(Func<Task> work)
    {
        var task = work();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(1)));
            if (!task.IsCompleted && !IsAlive)
            {
                throw new InvalidOperationException($"Azurite (pid {Pid}) exited during the scenario.");
            }
        }

        await task;
    }

    public ValueTask DisposeAsync() => _azurite.DisposeAsync();
}
