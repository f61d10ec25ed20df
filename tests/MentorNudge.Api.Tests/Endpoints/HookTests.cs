using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tests.Storage;
using NodaTime;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class HookTests(AzuriteFixture azurite)
{
    private static string Event(string id, string type, object data) => JsonSerializer.Serialize(new { id, type, data }, ApiStack.JsonOptions);

    [Fact]
    public async Task Events_ValidSignature_AppliesInteraction()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");

        using var response = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", Event("evt-1", "interaction.logged", new { email = "ada@example.org", kind = "meeting", note = "coffee" }), user.InboundSecret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("coffee", await stack.ExportAsync(user), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_SignedWithOutboundSecret_Unauthorized()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var before = await stack.ExportAsync(user);

        using var response = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", Event("evt-1", "interaction.logged", new { email = "ada@example.org", kind = "meeting", note = "forged" }), user.OutboundSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await stack.ExportAsync(user));
    }

    [Fact]
    public async Task Events_StorageFailsWhileApplying_RetryIsAppliedOnce()
    {
        var faults = new FaultInjectionPolicy();
        await using var stack = await ApiStack.StartAsync(azurite, faults: faults);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var body = Event("evt-fault", "interaction.logged", new { personId = user.PersonId, kind = "meeting", note = "Unique note 77" });

        // The first write to the user's partition after the id is remembered "crashes".
        faults.Crash((service, request) => service == "table" && request.Method != Azure.Core.RequestMethod.Get
            && !request.Uri.Path.Contains("webhookevents", StringComparison.Ordinal) && !request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal));
        using var failed = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", body, user.InboundSecret);
        faults.Disarm();
        using var retry = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", body, user.InboundSecret);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(1, faults.Injected);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var export = await stack.ExportAsync(user);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(export, "Unique note 77"));
    }

    [Fact]
    public async Task Events_ReplayedId_ConflictAndAppliedOnce()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var body = Event("evt-replay", "outreach.sent", new { personId = user.PersonId, subject = "Unique subject 42" });

        using var first = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", body, user.InboundSecret);
        var afterFirst = await stack.ExportAsync(user);
        using var second = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", body, user.InboundSecret);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(afterFirst, await stack.ExportAsync(user));
    }

    [Theory]
    [InlineData("bad-signature")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("missing")]
    public async Task Events_RejectedSignature_UnauthorizedAndNothingChanges(string problem)
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var before = await stack.ExportAsync(user);
        var body = Event("evt-2", "reply.received", new { personId = user.PersonId });
        var path = $"/api/v1/hooks/{user.UserId}/events";

        using var response = problem switch
        {
            "bad-signature" => await stack.SendSignedAsync(path, body, "some-other-secret-entirely"),
            "stale" => await stack.SendSignedAsync(path, body, user.InboundSecret, stack.Now - Duration.FromMinutes(6)),
            "future" => await stack.SendSignedAsync(path, body, user.InboundSecret, stack.Now + Duration.FromMinutes(6)),
            _ => await stack.SendRawAsync(HttpMethod.Post, path, null, body, "application/json"),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await stack.ExportAsync(user));

        // The id was not burned by the rejected attempt.
        using var retry = await stack.SendSignedAsync(path, body, user.InboundSecret);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
    }

    [Fact]
    public async Task Events_UnknownUser_Unauthorized()
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var response = await stack.SendSignedAsync("/api/v1/hooks/u-nobody/events", Event("evt-3", "reply.received", new { personId = "p1" }), "whatever-secret-123456");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task InboundEmail_RealReply_CancelsFollowUps()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var body = JsonSerializer.Serialize(new { from = "Ada Lovelace <ADA@example.org>", subject = "Re: your talk", text = "Happy to talk!" });

        using var response = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/inbound-email", body, user.InboundSecret);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("replied", answer["action"]!.GetValue<string>());
        using var schedule = await stack.SendAsync(HttpMethod.Get, "/api/v1/schedule?from=2026-01-01&to=2026-12-31", user.Token);
        Assert.DoesNotContain("\"followUp\"", await schedule.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboundEmail_OutOfOffice_PostponesUntilAfterReturnDate()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var body = JsonSerializer.Serialize(new
        {
            from = "ada@example.org",
            subject = "Automatic reply: your talk",
            text = "I am out of the office and back on 10 December.",
            headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" },
        });

        using var response = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/inbound-email", body, user.InboundSecret);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("postponed", answer["action"]!.GetValue<string>());
        Assert.Equal("2026-12-11T00:00:00Z", answer["postponedUntil"]!.GetValue<string>());
        using var person = await stack.SendAsync(HttpMethod.Get, $"/api/v1/people/{user.PersonId}", user.Token);
        Assert.Contains("\"snoozedUntil\":\"2026-12-11T00:00:00Z\"", await person.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboundEmail_UnknownSender_IgnoredAndNothingChanges()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("a@example.com", "ada@example.org");
        var before = await stack.ExportAsync(user);

        using var response = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/inbound-email", JsonSerializer.Serialize(new { from = "stranger@example.net", text = "hi" }), user.InboundSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"ignored\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await stack.ExportAsync(user));
    }
}
