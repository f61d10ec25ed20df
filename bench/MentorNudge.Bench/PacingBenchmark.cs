using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Core.Content;
using MentorNudge.Infrastructure.Email.Acs;
using MentorNudge.Infrastructure.Email.Pacing;
using MentorNudge.Cli.Hosting;
using MentorNudge.Testing.Acs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Bench;

/// <summary>
/// P4: 1,000 digests through the table-backed pacer and the real ACS client against the loopback
/// ACS test server, which enforces the same quota with 429s. Time is a FakeClock shared by the
/// pacer, the client's x-ms-date and the server's quota: when the pacer denies, the clock jumps to
/// the offered slot, so nine quota-bound hours run in seconds of wall time.
/// </summary>
internal static class PacingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        const int perMinute = 30;
        const int perHour = 100;

        var azuriteExecutable = AzuriteProcess.FindExecutable();
        if (azuriteExecutable is null)
        {
            Console.Error.WriteLine("Azurite is not installed: run `npm ci` at the repository root.");
            return 2;
        }

        await using var azurite = await AzuriteProcess.StartAsync(azuriteExecutable);
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 30, 7, 0));
        await using var server = await AcsTestServer.StartAsync(clock);
        server.QuotaPerMinute = perMinute;
        server.QuotaPerHour = perHour;

        var pacer = new TableEmailPacer(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new EmailQuotaOptions { PerMinute = perMinute, PerHour = perHour, TableName = "benchpacing" }),
            NullLogger<TableEmailPacer>.Instance);
        var sender = new AcsEmailSender(
            Options.Create(new AcsEmailOptions { ConnectionString = server.ConnectionString, SenderAddress = "DoNotReply@bench.example", PollInterval = TimeSpan.FromMilliseconds(1) }),
            clock,
            NullLogger<AcsEmailSender>.Instance);

        var wall = Stopwatch.StartNew();
        var start = clock.GetCurrentInstant();
        Instant? first = null, last = null;
        int throttled = 0, failed = 0, denials = 0;
        for (var i = 0; i < count; i++)
        {
            while (true)
            {
                var decision = await pacer.TryAcquireAsync(clock.GetCurrentInstant());
                if (!decision.Granted)
                {
                    denials++;
                    clock.Reset(decision.NextSlotAt!.Value);
                    continue;
                }

                var result = await sender.SendAsync(Digest("bench-digest-" + i.ToString(CultureInfo.InvariantCulture)));
                if (result.Outcome == EmailSendOutcome.Throttled)
                {
                    throttled++;
                    clock.Advance(Duration.FromTimeSpan(result.RetryAfter!.Value));
                    continue;
                }

                if (result.Outcome != EmailSendOutcome.Sent)
                {
                    failed++;
                }

                first ??= clock.GetCurrentInstant();
                last = clock.GetCurrentInstant();
                break;
            }
        }

        wall.Stop();
        var span = last!.Value - first!.Value;
        // No schedule can do better: any window of an hour (a minute) holds at most perHour (perMinute) sends.
        var minimum = Duration.Max(Duration.FromHours((count - 1) / perHour), Duration.FromMinutes((count - 1) / perMinute));
        var ratio = minimum == Duration.Zero ? 1.0 : span.TotalSeconds / minimum.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P4 pacing: {count} digests, quota {perMinute}/min {perHour}/h"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  emails received by server : {server.Received.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  429 answers               : {server.QuotaRejections} (client saw {throttled})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  failures                  : {failed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pacer denials             : {denials}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  virtual span first→last   : {span.TotalHours:F3} h (quota minimum {minimum.TotalHours:F3} h, ratio {ratio:F4})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  virtual start→last        : {(last.Value - start).TotalHours:F3} h"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wall time                 : {wall.Elapsed.TotalSeconds:F1} s"));
        var ok = server.QuotaRejections == 0 && failed == 0 && server.Received.Count == count && ratio <= 1.05;
        Console.WriteLine(ok ? "  PASS (zero 429s, within 1.05x of the quota minimum)" : "  FAIL");
        return ok ? 0 : 1;
    }

    /// <summary>A weekly digest as the pipeline sends it; <paramref name="key"/> is the idempotency key.</summary>
    private static EmailMessage Digest(string key) =>
        new(
            "ada@example.com",
            "Ada Lovelace",
            "Your weekly add-value digest",
            "<html><body><p>Comment on <b>Grace</b>&#39;s talk.</p></body></html>",
            "Comment on Grace's talk.",
            new Dictionary<string, string> { ["X-MentorNudge-Nudge-Id"] = key, ["X-MentorNudge-Kind"] = "weeklyDigest" },
            key);
}
