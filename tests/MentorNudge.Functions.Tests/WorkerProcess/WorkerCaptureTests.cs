using System.Net;
using System.Text.Json;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Tests.Capture;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using MentorNudge.Functions.Tests.WorkerProcess.Rpc;
using NodaTime;

namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>The capture hook as the Functions app serves it: the built worker, driven over the host's gRPC protocol.</summary>
[Trait("Category", "WorkerProcess")]
[Collection(WorkerProcessCollection.Name)]
public sealed class WorkerCaptureTests(WorkerProcessFixture fixture)
{
    [Fact]
    public async Task HookCapture_SignedMessageFromUser_LogsOutreachAndWritesConfirmation()
    {
        var user = await fixture.Use<Users>().CreateAsync("capture-worker@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var person = await fixture.Use<People>().AddAsync(user.UserId, new PersonDraft("Grace Hopper", ["grace@navy.example"]));
        var address = (await fixture.Use<CaptureAddresses>().GetAsync(user.UserId))!.Address;
        var now = Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds());
        var raw = CaptureMessage.Raw(address, "capture-worker@example.com", "Grace Hopper <grace@navy.example>", "<worker-capture@mail.example>", now - Duration.FromHours(1), "Would you have 15 minutes on Thursday to talk about compiler teams?");
        using var request = CaptureMessage.SignedPost("/api/v1/hooks/capture", raw, fixture.Settings["MentorNudge:Capture:HookSecret"]!, now);

        var (response, invocation) = await fixture.Host.InvokeHttpAsync("HookCapture", request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.True(invocation.Result.Status == StatusResult.Types.Status.Success, invocation.Result.Exception?.Message);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("logged", json.RootElement.GetProperty("action").GetString());
        Assert.Equal(person.Id, json.RootElement.GetProperty("logged")[0].GetProperty("personId").GetString());
        var asks = (await fixture.Use<Users>().ExportAsync(user.UserId)).Asks;
        Assert.Equal(now - Duration.FromHours(1), Assert.Single(asks).SentAt);
        Assert.Contains(
            Directory.EnumerateFiles(fixture.Outbox, "*.eml", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("X-MentorNudge-Kind: captureConfirmation", StringComparison.Ordinal) && File.ReadAllText(f).Contains("capture-worker@example.com", StringComparison.Ordinal));
    }
}
