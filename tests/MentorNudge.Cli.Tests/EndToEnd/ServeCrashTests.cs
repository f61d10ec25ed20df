using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MentorNudge.Cli.Hosting;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 13, bug 2, as a user hit it: a real <c>serve --virtual-clock</c> process on a persistent
/// Azurite is killed with SIGKILL while <c>POST /api/v1/admin/clock</c> runs, restarted on the same
/// storage (with the <c>--start</c> it was first given), and the advance finished. Every nudge that
/// fell due must be sent exactly once.
/// </summary>
public sealed class ServeCrashTests
{
    private const string AdminKey = "crash-test-key";
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 0, 0); // a Monday

    [Fact]
    public async Task Serve_KilledDuringClockAdvances_EveryDueNudgeSentExactlyOnce()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGKILL semantics are what this test is about.
        }

        var folder = Directory.CreateTempSubdirectory("mentornudge-crash-");
        var executable = AzuriteProcess.FindExecutable() ?? throw new InvalidOperationException("Azurite is not installed (npm ci).");
        await using var azurite = await AzuriteProcess.StartAsync(executable, Path.Combine(folder.FullName, "azurite"));
        var serve = await ServeProcess.StartAsync(azurite.ConnectionString, folder.FullName, Start);
        try
        {
            var users = new List<string>();
            for (var u = 0; u < 4; u++)
            {
                var token = await CreateUserAsync(serve, u);
                users.Add(token);
                for (var p = 0; p < 3; p++)
                {
                    var person = await serve.SendAsync(HttpMethod.Post, "people", token, new { name = $"Person {u}-{p}", emails = new[] { $"p{u}{p}@example.com" } });
                    await serve.SendAsync(HttpMethod.Post, $"people/{(string)person["id"]!}/outreach", token, new { text = "Could we talk for 15 minutes about your talk on X?" });
                }
            }

            var now = Start;
            var random = new Random(13);
            for (var day = 1; day <= 17; day++)
            {
                var target = now + Duration.FromDays(1);
                if (day % 4 != 2)
                {
                    await serve.AdvanceAsync(target);
                }
                else
                {
                    // Kill while the advance is running, then restart as the user would (same --start).
                    var advancing = serve.AdvanceAsync(target);
                    await Task.Delay(random.Next(30, 400));
                    serve.Kill();
                    await Task.WhenAny(advancing, Task.Delay(TimeSpan.FromSeconds(10)));
                    serve = await ServeProcess.StartAsync(azurite.ConnectionString, folder.FullName, Start);
                    await serve.AdvanceAsync(target);
                }

                now = target;
            }

            var outbox = OutboxEmail.LoadAll(Path.Combine(folder.FullName, "outbox"));
            var emailed = outbox.Select(e => e.NudgeId).ToList();
            Assert.Equal(emailed.Count, emailed.Distinct().Count());
            var followUpsSent = 0;
            foreach (var token in users)
            {
                var history = LocalHostJson.Items(await serve.SendAsync(HttpMethod.Get, "nudges", token));
                foreach (var n in history.Where(n => (string?)n["status"] == "sent"))
                {
                    Assert.Contains((string?)n["nudgeId"], emailed);
                    followUpsSent += (string?)n["kind"] == "followUp" ? 1 : 0;
                }

                var overdue = LocalHostJson.Items(await serve.SendAsync(HttpMethod.Get, $"schedule?from=2026-01-01T00:00:00Z&to={Format(now - Duration.FromMinutes(1))}", token));
                Assert.True(overdue.Count == 0, "stranded: " + string.Join(", ", overdue.Select(n => $"{n["nudgeId"]} due {n["dueAt"]}")));
            }

            // 12 asks, two follow-ups each (5 and 12 business days after Monday 2 March), all due by 18 March 09:00.
            Assert.Equal(24, followUpsSent);
        }
        finally
        {
            serve.Kill();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> CreateUserAsync(ServeProcess serve, int u)
    {
        var created = await serve.SendAsync(HttpMethod.Post, "admin/users", null, new { email = $"user{u}@example.com", timeZone = u % 2 == 0 ? "Etc/UTC" : "Europe/London", country = "GB" });
        return (string)created["token"]!;
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>One <c>mentornudge serve</c> child process and an HTTP client on its API.</summary>
    private sealed class ServeProcess
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private ServeProcess(Process process, HttpClient http)
        {
            _process = process;
            _http = http;
        }

        public static async Task<ServeProcess> StartAsync(string storage, string folder, Instant start)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "mentornudge.dll"), "serve", "--virtual-clock", "--start", Format(start),
                "--port", "0", "--storage", storage, "--data", folder, "--admin-key", AdminKey, "--quiet",
            })
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info)!;
            var api = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                var line = e.Data?.Trim() ?? "";
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
            var started = await Task.WhenAny(api.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(1)));
            if (started != api.Task)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("serve did not start:\n" + output);
            }

            var http = new HttpClient { BaseAddress = new Uri((await api.Task).TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
            return new ServeProcess(process, http);
        }

        public async Task AdvanceAsync(Instant target)
        {
            await SendAsync(HttpMethod.Post, "admin/clock", null, new { setTo = Format(target) });
        }

        public async Task<JsonNode> SendAsync(HttpMethod method, string path, string? token, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (token is null)
            {
                request.Headers.Add("X-Admin-Key", AdminKey);
            }
            else
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
            return JsonNode.Parse(text)!;
        }

        /// <summary>SIGKILL: no shutdown, no finally blocks, exactly what a crash does.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _http.Dispose();
        }
    }
}
