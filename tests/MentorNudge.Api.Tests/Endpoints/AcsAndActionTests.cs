using System.Net;
using System.Text.Json.Nodes;
using MentorNudge.Api.Http;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Content.Actions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class AcsAndActionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Acs_SubscriptionValidation_EchoesCode()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        const string body = """[{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-25T12:00:00Z","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}}]""";

        using var response = await stack.SendAcsAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validationResponse"]!.GetValue<string>());
    }

    [Fact]
    public async Task Acs_ReportForUnknownOperation_RecordsNothing()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        const string body = """[{"id":"2","eventType":"Microsoft.Communication.EmailDeliveryReportReceived","eventTime":"2026-11-25T12:00:00Z","data":{"sender":"a@b.c","recipient":"d@e.f","messageId":"unknown-op","status":"Bounced","deliveryAttemptTimeStamp":"2026-11-25T12:00:00Z"}}]""";

        using var response = await stack.SendAcsAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["recorded"]!.GetValue<int>());
    }

    [Fact]
    public async Task Acs_NoKeyConfigured_RefusesEveryRequest()
    {
        await using var stack = await ApiStack.StartAsync(azurite, services => services.Configure<ApiOptions>(o => o.EventGridKey = null));

        using var handshake = await stack.SendAcsAsync(ValidationBody);
        using var emptyKey = await stack.SendAcsAsync(ValidationBody, key: "");

        Assert.Equal(HttpStatusCode.Unauthorized, handshake.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, emptyKey.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-event-grid-key-012345678")]
    public async Task Acs_MissingOrWrongKey_Unauthorized(string? key)
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var response = await stack.SendAcsAsync(ValidationBody, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Acs_ReportForOurMessageButAnotherRecipient_RecordsNothing()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        await stack.Host.Services.GetRequiredService<DeliveryMap>().RecordAsync("op-1", user.UserId, nudgeId, "sam@example.com");
        var before = await stack.ExportAsync(user);

        using var response = await stack.SendAcsAsync(Report("op-1", "victim@example.org", "Bounced"));

        Assert.Equal(0, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["recorded"]!.GetValue<int>());
        Assert.Equal(before, await stack.ExportAsync(user));
    }

    [Fact]
    public async Task Acs_ReportForOurMessageAndRecipient_MarksUndeliverable()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        await stack.Host.Services.GetRequiredService<DeliveryMap>().RecordAsync("op-1", user.UserId, nudgeId, "sam@example.com");

        using var response = await stack.SendAcsAsync(Report("op-1", "Sam@Example.com", "Bounced"));

        Assert.Equal(1, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["recorded"]!.GetValue<int>());
        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", user.Token);
        Assert.True(JsonNode.Parse(await me.Content.ReadAsStringAsync())!["emailUndeliverable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Acs_ControlCharactersInMessageId_IgnoredWithoutError()
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var response = await stack.SendAcsAsync(Report("op\\u0001\\u001f\\u007f-1", "sam@example.com", "Bounced"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["recorded"]!.GetValue<int>());
    }

    private const string ValidationBody = """[{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-25T12:00:00Z","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}}]""";

    private static string Report(string messageId, string recipient, string status) =>
        "[{\"id\":\"r1\",\"eventType\":\"Microsoft.Communication.EmailDeliveryReportReceived\",\"eventTime\":\"2026-11-25T12:00:00Z\",\"data\":{\"sender\":\"a@b.c\",\"recipient\":\"" + recipient
        + "\",\"messageId\":\"" + messageId + "\",\"status\":\"" + status + "\",\"deliveryAttemptTimeStamp\":\"2026-11-25T12:00:00Z\"}}]";

    [Theory]
    [InlineData("[")]
    [InlineData("42")]
    public async Task Acs_Malformed_BadRequest(string body)
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var response = await stack.SendAcsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<(TestUser User, string NudgeId)> UserWithNudgeAsync(ApiStack stack)
    {
        var user = await stack.CreateUserAsync();
        using var person = await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name = "Ada", emails = new[] { "ada@example.org" } });
        var personId = JsonNode.Parse(await person.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var outreach = await stack.SendAsync(HttpMethod.Post, $"/api/v1/people/{personId}/outreach", user.Token, new { subject = "Hello" });
        var answer = JsonNode.Parse(await outreach.Content.ReadAsStringAsync())!;
        var nudgeId = answer["followUps"]!.AsArray().First()!["nudgeId"]!.GetValue<string>();
        return (user with { PersonId = personId }, nudgeId);
    }

    [Fact]
    public async Task Actions_Get_ShowsConfirmPageAndChangesNothing()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        var before = await stack.ExportAsync(user);
        var token = stack.ActionTokens.Create(user.UserId, nudgeId, ActionKind.Replied, stack.Now + Duration.FromDays(30));

        using var response = await stack.SendAsync(HttpMethod.Get, $"/api/v1/actions/{token}", null);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form method=\"post\" action=\"https://mentornudge.example.test/api/v1/actions/", html, StringComparison.Ordinal);
        Assert.Equal(before, await stack.ExportAsync(user));
    }

    [Fact]
    public async Task Actions_PostReplied_CancelsFollowUps()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        var token = stack.ActionTokens.Create(user.UserId, nudgeId, ActionKind.Replied, stack.Now + Duration.FromDays(30));

        using var response = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/actions/{token}", null, "", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var schedule = await stack.SendAsync(HttpMethod.Get, "/api/v1/schedule?from=2026-01-01&to=2026-12-31", user.Token);
        Assert.DoesNotContain(nudgeId, await schedule.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_Rfc8058OneClick_Unsubscribes()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        var token = stack.ActionTokens.Create(user.UserId, nudgeId, ActionKind.Unsubscribe, stack.Now + Duration.FromDays(30));

        using var response = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/actions/{token}", null, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", user.Token);
        Assert.True(JsonNode.Parse(await me.Content.ReadAsStringAsync())!["unsubscribed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(ActionKind.Replied)]
    [InlineData(ActionKind.Snooze)]
    [InlineData(ActionKind.Stop)]
    public async Task Actions_OneClickBodyWithOtherToken_DoesNotUnsubscribe(ActionKind kind)
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        var token = stack.ActionTokens.Create(user.UserId, nudgeId, kind, stack.Now + Duration.FromDays(30));

        using var response = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/actions/{token}", null, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");

        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", user.Token);
        Assert.False(JsonNode.Parse(await me.Content.ReadAsStringAsync())!["unsubscribed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PutMe_UnsubscribedFalse_Resubscribes()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        var token = stack.ActionTokens.Create(user.UserId, nudgeId, ActionKind.Unsubscribe, stack.Now + Duration.FromDays(30));
        using var unsubscribe = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/actions/{token}", null, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");

        using var put = await stack.SendAsync(HttpMethod.Put, "/api/v1/me", user.Token, new { email = "sam@example.com", timeZone = "Europe/London", country = "GB", unsubscribed = false });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False(JsonNode.Parse(await put.Content.ReadAsStringAsync())!["unsubscribed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Actions_TamperedOrExpiredToken_NotFoundAndNothingChanges(string method)
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var (user, nudgeId) = await UserWithNudgeAsync(stack);
        var before = await stack.ExportAsync(user);
        var expired = stack.ActionTokens.Create(user.UserId, nudgeId, ActionKind.Stop, stack.Now - Duration.FromSeconds(1));
        var forged = new ActionTokens(new byte[40]).Create(user.UserId, nudgeId, ActionKind.Stop, stack.Now + Duration.FromDays(1));

        foreach (var token in new[] { expired, forged, "not-a-token" })
        {
            using var response = await stack.SendRawAsync(new HttpMethod(method), $"/api/v1/actions/{token}", null, method == "POST" ? "" : null, method == "POST" ? "application/x-www-form-urlencoded" : null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(before, await stack.ExportAsync(user));
    }
}
