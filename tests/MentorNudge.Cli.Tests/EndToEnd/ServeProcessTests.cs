using System.Diagnostics;
using System.Text.Json.Nodes;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Cli.Tests.Infrastructure;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary><c>mentornudge serve</c> as a user runs it: a child process, its console, Ctrl+C.</summary>
[Collection(CliAzuriteCollection.Name)]
public sealed class ServeProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Serve_StartedThenInterrupted_PrintsWhereThingsAreAndStopsCleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is sent with kill(1) below.
        }

        var folder = Directory.CreateTempSubdirectory("mentornudge-serve-");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "mentornudge.dll"), "serve", "--virtual-clock", "--start", "2026-03-06T10:00:00Z",
            "--port", "0", "--storage", azurite.ConnectionString, "--data", folder.FullName, "--admin-key", "process-test-key", "--quiet",
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        var api = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            var line = e.Data.Trim();
            if (line.StartsWith("API", StringComparison.Ordinal))
            {
                api.TrySetResult(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var started = await Task.WhenAny(api.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
            Assert.True(started == api.Task, "serve did not print its API address:\n" + output);
            var apiBase = (await api.Task).TrimEnd('/') + "/";

            using var http = new HttpClient { BaseAddress = new Uri(apiBase) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "admin/clock");
            request.Headers.Add("X-Admin-Key", "process-test-key");
            using var response = await http.SendAsync(request);
            var clock = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("2026-03-06T10:00:00Z", (string?)clock["now"]);

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            var text = output.ToString();
            Assert.Contains("Admin key", text, StringComparison.Ordinal);
            Assert.Contains("Outbox", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Stopped.", text, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            folder.Delete(recursive: true);
        }
    }
}
