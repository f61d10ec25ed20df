using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MentorNudge.Cli.Hosting;

/// <summary>
/// A local Azurite (the Azure Storage emulator from npm) started on free loopback ports, for the
/// local host and for tests. In memory unless a data folder is given. Stopped on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account. Public by design; not a secret.</summary>
    public const string DevAccountName = "devstoreaccount1";

    private const string DevAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>Blob endpoint port.</summary>
    public int BlobPort { get; }

    /// <summary>Queue endpoint port.</summary>
    public int QueuePort { get; }

    /// <summary>Table endpoint port.</summary>
    public int TablePort { get; }

    /// <summary>Operating-system id of the Azurite process (node runs the script in place).</summary>
    public int ProcessId => _process.Id;

    /// <summary>A connection string for the three services of this instance.</summary>
    public string ConnectionString => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={DevAccountName};AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccountName};");

    /// <summary>
    /// Finds <c>node_modules/.bin/azurite</c> in <paramref name="searchFrom"/> or any parent folder
    /// (then in the app's base directory and its parents). Null when not installed.
    /// </summary>
    public static string? FindExecutable(string? searchFrom = null)
    {
        foreach (var start in new[] { searchFrom, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Starts Azurite and waits until all three services accept connections.
    /// </summary>
    /// <param name="executable">Path to the azurite script (see <see cref="FindExecutable"/>).</param>
    /// <param name="dataFolder">Folder to keep data in; null keeps everything in memory.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<AzuriteProcess> StartAsync(string executable, string? dataFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
            var info = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
            })
            {
                info.ArgumentList.Add(arg);
            }

            if (dataFolder is null)
            {
                info.ArgumentList.Add("--inMemoryPersistence");
            }
            else
            {
                Directory.CreateDirectory(dataFolder);
                info.ArgumentList.Add("--location");
                info.ArgumentList.Add(dataFolder);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
            process.OutputDataReceived += static (_, _) => { };
            process.ErrorDataReceived += static (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var azurite = new AzuriteProcess(process, blob, queue, table);
            try
            {
                await azurite.WaitUntilListeningAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
                return azurite;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                last = ex;
                await azurite.DisposeAsync().ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException("Azurite did not start after 3 attempts.", last);
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} while starting.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (SocketException)
                {
                    if (deadline.Elapsed > timeout)
                    {
                        throw new TimeoutException($"Azurite did not listen on port {port} within {timeout}.");
                    }

                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Asks the process <paramref name="processId"/> to stop (SIGTERM) and waits up to
    /// <paramref name="timeout"/> for it to exit. Azurite saves its data files on SIGTERM; a hard
    /// kill loses the last seconds of writes of a persistent instance. False if it is still running.
    /// </summary>
    public static async Task<bool> TerminateAsync(int processId, TimeSpan timeout)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", processId.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (kill is not null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }

        var waited = Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{processId}") && !IsZombie(processId))
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return true;
    }

    private static bool IsZombie(int processId)
    {
        try
        {
            // "pid (comm) state ...": a child that exited but is not yet reaped shows state Z.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Stops Azurite gracefully (so a persistent one saves its data), killing it if it will not stop.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await TerminateAsync(_process.Id, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or refusing to die: nothing more to do from here.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
