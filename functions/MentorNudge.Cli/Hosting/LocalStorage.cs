using System.Diagnostics;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// Where the local host keeps its tables and queues: a given connection string (option or
/// <c>MENTORNUDGE_STORAGE</c>), else an Azurite it starts itself, installing it with npm from the
/// repository's package.json when it is not there yet.
/// </summary>
public sealed class LocalStorage : IAsyncDisposable
{
    /// <summary>The environment variable that names a storage account for every command.</summary>
    public const string StorageEnvironmentVariable = "MENTORNUDGE_STORAGE";

    private LocalStorage(string connectionString, AzuriteProcess? azurite, string description)
    {
        ConnectionString = connectionString;
        Azurite = azurite;
        Description = description;
    }

    public string ConnectionString { get; }

    /// <summary>The Azurite this process started, if any; stopped on dispose.</summary>
    public AzuriteProcess? Azurite { get; }

    /// <summary>A line for the console: which storage is in use (never the account key).</summary>
    public string Description { get; }

    /// <summary>Resolves storage for the host.</summary>
    /// <param name="connectionString">The <c>--storage</c> option, if given.</param>
    /// <param name="azuriteDataFolder">Folder for Azurite's data; null keeps it in memory (demo, tests).</param>
    /// <param name="log">Progress lines (installing, starting).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalStorage> OpenAsync(string? connectionString, string? azuriteDataFolder, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        connectionString = string.IsNullOrWhiteSpace(connectionString)
            ? Environment.GetEnvironmentVariable(StorageEnvironmentVariable)
            : connectionString;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new LocalStorage(connectionString, null, "the storage account of the given connection string");
        }

        var executable = await FindOrInstallAzuriteAsync(log, cancellationToken).ConfigureAwait(false);
        if (azuriteDataFolder is not null)
        {
            Directory.CreateDirectory(azuriteDataFolder);
            await AzuriteShutdown.StopLeftoverAsync(azuriteDataFolder).ConfigureAwait(false);
        }

        var azurite = await AzuriteProcess.StartAsync(executable, azuriteDataFolder is null ? null : Path.GetFullPath(azuriteDataFolder), cancellationToken).ConfigureAwait(false);
        if (azuriteDataFolder is not null)
        {
            AzuriteShutdown.Remember(azuriteDataFolder, azurite);
        }

        var where = azuriteDataFolder is null ? "in memory" : $"data in {Path.GetFullPath(azuriteDataFolder)}";
        return new LocalStorage(azurite.ConnectionString, azurite, $"Azurite on 127.0.0.1:{azurite.TablePort} (tables), :{azurite.QueuePort} (queues), {where}");
    }

    private static async Task<string> FindOrInstallAzuriteAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var found = AzuriteProcess.FindExecutable() ?? FindOnPath();
        if (found is not null)
        {
            return found;
        }

        var root = FindPackageRoot();
        if (root is null)
        {
            throw new LocalHostException(
                "Azurite (the Azure Storage emulator) is not installed. Install Node.js and run `npm install -g azurite`, " +
                "or run from a clone of the repository (its package.json installs Azurite), " +
                $"or pass --storage <connection string> (or set {StorageEnvironmentVariable}).");
        }

        var command = File.Exists(Path.Combine(root, "package-lock.json")) ? "ci" : "install";
        await log.WriteLineAsync($"Installing Azurite: npm {command} in {root} …").ConfigureAwait(false);
        await RunNpmAsync(root, command, cancellationToken).ConfigureAwait(false);
        return AzuriteProcess.FindExecutable(root)
            ?? throw new LocalHostException($"`npm {command}` finished but node_modules/.bin/azurite is still missing in {root}.");
    }

    private static async Task RunNpmAsync(string root, string command, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { command, "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new LocalHostException("Could not start npm.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LocalHostException(
                "Azurite is not installed and npm was not found. Install Node.js (which includes npm) and try again, " +
                $"or pass --storage <connection string> (or set {StorageEnvironmentVariable}).");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new LocalHostException($"`npm {command}` failed with exit code {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
            }
        }
    }

    /// <summary>The nearest folder (from the working directory, then the app's) whose package.json depends on azurite.</summary>
    private static string? FindPackageRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var package = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(package) && File.ReadAllText(package).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static string? FindOnPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? new[] { "azurite.cmd", "azurite.exe" } : new[] { "azurite" };
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
