using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.Tests.Capture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary>
/// BCC capture through <c>serve</c> over HTTP on Azurite: a raw message posted to the signed
/// capture hook logs an outreach, schedules its follow-ups, mails a confirmation to the outbox
/// and is logged once; the undo link removes it; forged or foreign mail changes nothing.
/// </summary>
public sealed class ServeCaptureTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 3, 10, 0);

    [Fact]
    public async Task CaptureHook_MessageFromUser_LogsOnceSchedulesFollowUpsConfirmsAndUndoes()
    {
        await using var host = await LocalHostHarness.StartAsync(Start);
        await host.CreateUserAsync("alex@example.com");
        var ada = await host.PostAsync("people", new { name = "Ada Lovelace", emails = new[] { "Ada@Analytical.example" } });
        var adaId = (string)ada["id"]!;
        var address = (string)(await host.GetAsync("me/capture-address"))["address"]!;
        var raw = CaptureMessage.Raw(address, "Alex <alex@example.com>", "=?utf-8?Q?Ada_Lovelace?= <ada@analytical.example>, Bo <bo@unknown.example>", "<first@mail.example>", Start - Duration.FromHours(2),
            "Hi Ada,\r\n\r\nCould you be my mentor?\r\n\r\nAlex\r\n\r\nOn Mon, 2 Mar 2026, Ada wrote:\r\n> earlier\r\n");

        using var first = await PostCaptureAsync(host, raw);
        var firstBody = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        using var again = await PostCaptureAsync(host, raw);
        var againBody = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("logged", (string)firstBody["action"]!);
        var logged = Assert.Single(firstBody["logged"]!.AsArray());
        Assert.Equal(adaId, (string)logged!["personId"]!);
        Assert.Equal(2, logged["followUps"]!.AsArray().Count);
        Assert.Equal("bo@unknown.example", (string)firstBody["skipped"]![0]!["address"]!);
        Assert.Equal("unknown-person", (string)firstBody["skipped"]![0]!["reason"]!);
        Assert.Equal("duplicate", (string)againBody["action"]!);

        var asks = (await host.GetAsync("me/export"))["asks"]!.AsArray();
        var ask = Assert.Single(asks);
        Assert.Equal("Hi Ada,\n\nCould you be my mentor?\n\nAlex", (string)ask!["text"]!);
        Assert.Equal(Start - Duration.FromHours(2), NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)ask["sentAt"]!).Value);
        var schedule = await ScheduledFollowUpsAsync(host);
        Assert.Equal(2, schedule.Count(n => (string?)n["personId"] == adaId));

        var confirmation = Assert.Single(host.Emails(), e => e.Kind == CaptureConfirmationKind);
        Assert.Equal("alex@example.com", confirmation.To);
        Assert.Contains("Ada Lovelace", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("Coach:", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("bo@unknown.example", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("Tuesday 10 March, 09:00", confirmation.Text, StringComparison.Ordinal);

        var undo = new Uri(Regex.Match(confirmation.Text!, @"http://localhost:\d+/api/v1/actions/\S+").Value);
        using var client = new HttpClient();
        using var undone = await client.PostAsync(undo, new StringContent(""));
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Empty((await host.GetAsync("me/export"))["asks"]!.AsArray());
        Assert.DoesNotContain(await ScheduledFollowUpsAsync(host), n => (string?)n["personId"] == adaId);
        using var replayed = await PostCaptureAsync(host, raw);
        Assert.Equal("duplicate", (string)JsonNode.Parse(await replayed.Content.ReadAsStringAsync())!["action"]!);
    }

    [Fact]
    public async Task CaptureHook_BadSignatureOrForeignSender_NothingWritten()
    {
        await using var host = await LocalHostHarness.StartAsync(Start);
        await host.CreateUserAsync("alex@example.com");
        await host.PostAsync("people", new { name = "Ada Lovelace", emails = new[] { "ada@analytical.example" } });
        var address = (string)(await host.GetAsync("me/capture-address"))["address"]!;
        var before = (await host.GetAsync("me/export"))["asks"]!.ToJsonString();
        var own = CaptureMessage.Raw(address, "alex@example.com", "ada@analytical.example", "<own@mail.example>", Start, "Could we talk on Friday?");
        var foreign = CaptureMessage.Raw(address, "Mallory <mallory@evil.example>", "ada@analytical.example", "<foreign@mail.example>", Start, "Log this for Alex");

        using var unsigned = await PostCaptureAsync(host, own, secret: "not-the-secret");
        using var stale = await PostCaptureAsync(host, own, signedAt: Start - Duration.FromMinutes(6));
        using var ignored = await PostCaptureAsync(host, foreign);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        var answer = JsonNode.Parse(await ignored.Content.ReadAsStringAsync())!;
        Assert.Equal("ignored", (string)answer["action"]!);
        Assert.Equal("foreign-sender", (string)answer["reason"]!);
        Assert.Equal(before, (await host.GetAsync("me/export"))["asks"]!.ToJsonString());
        Assert.DoesNotContain(host.Emails(), e => e.Kind == CaptureConfirmationKind);
        using var health = await host.Http.GetAsync("../health");
        Assert.True(JsonNode.Parse(await health.Content.ReadAsStringAsync())!["configuration"]!["capture"]!.GetValue<bool>());
    }

    private const string CaptureConfirmationKind = "captureConfirmation";

    private static async Task<List<JsonNode>> ScheduledFollowUpsAsync(LocalHostHarness host)
    {
        var from = NodaTime.Text.InstantPattern.ExtendedIso.Format(Start);
        var to = NodaTime.Text.InstantPattern.ExtendedIso.Format(Start + Duration.FromDays(60));
        return LocalHostJson.Items(await host.GetAsync($"schedule?from={from}&to={to}"))
            .Where(n => (string?)n["kind"] == "followUp" && (string?)n["status"] == "scheduled")
            .ToList();
    }

    private static async Task<HttpResponseMessage> PostCaptureAsync(LocalHostHarness host, byte[] raw, string? secret = null, Instant? signedAt = null)
    {
        secret ??= host.Host.App.Services.GetRequiredService<IOptions<CaptureOptions>>().Value.HookSecret!;
        using var request = CaptureMessage.SignedPost("hooks/capture", raw, secret, signedAt ?? Start);
        return await host.Http.SendAsync(request);
    }
}
