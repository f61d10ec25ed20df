using System.Net;
using System.Text.Json;
using MentorNudge.Api.Routing;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Content.Actions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Api.Tests.Routing;

[Collection(StorageCollection.Name)]
public sealed class ApiDispatcherLoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ActionLinkAndHookCalls_EveryLogLine_NamesTheTemplateNeverTheTokenOrUserId()
    {
        var logs = new CapturedLogs();
        await using var stack = await ApiStack.StartAsync(azurite, services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var user = await stack.CreateUserAsync();
        const string secret = "whsec_0123456789abcdef0123456789abcdef";
        using var me = await stack.SendAsync(HttpMethod.Put, "/api/v1/me", user.Token, new { email = "sam@example.com", timeZone = "Europe/London", country = "GB", webhook = new { url = "https://hooks.example.test/in", format = "generic", secret = "whsec_out_0123456789abcdef0123456789abcdef", inboundSecret = secret } });
        using var person = await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name = "Ada", emails = new[] { "ada@example.org" } });
        var personId = JsonDocument.Parse(await person.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        using var outreach = await stack.SendAsync(HttpMethod.Post, $"/api/v1/people/{personId}/outreach", user.Token, new { subject = "Hello" });
        var nudgeId = JsonDocument.Parse(await outreach.Content.ReadAsStringAsync()).RootElement.GetProperty("followUps")[0].GetProperty("nudgeId").GetString()!;
        var action = stack.ActionTokens.Create(user.UserId, nudgeId, ActionKind.Snooze, stack.Now + Duration.FromDays(30));
        var body = JsonSerializer.Serialize(new { id = "evt-log", type = "reply.received", data = new { personId } });
        logs.Clear();

        using var confirm = await stack.SendAsync(HttpMethod.Get, $"/api/v1/actions/{action}", null);
        using var apply = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/actions/{action}", null, "", "application/x-www-form-urlencoded");
        using var hook = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", body, secret);
        using var forged = await stack.SendSignedAsync($"/api/v1/hooks/{user.UserId}/events", body, "not-the-secret");

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, hook.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var text = logs.Text;
        Assert.Contains("v1/actions/{token}", text, StringComparison.Ordinal);
        Assert.Contains("v1/hooks/{userId}/events", text, StringComparison.Ordinal);
        Assert.DoesNotContain(action, text, StringComparison.Ordinal);
        Assert.DoesNotContain($"hooks/{user.UserId}", text, StringComparison.Ordinal);

        // The pipeline logs user ids as structured values by design; the HTTP layer never does (it would be the path).
        Assert.DoesNotContain(logs.Lines, l => l.Contains(" Microsoft.", StringComparison.Ordinal) && l.Contains(user.UserId, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(" MentorNudge.Api:", StringComparison.Ordinal) && l.Contains(user.UserId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_LogsTemplateAndRequestIdNotPath()
    {
        var logs = new CapturedLogs();
        await using var provider = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider, TraceIdentifier = "req-42" };
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/actions/secret-action-token-123";
        var route = ApiRoutes.Get("Actions");

        var result = await ApiDispatcher.RunAsync(route, _ => throw new InvalidOperationException("boom"), context);

        Assert.Equal(500, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Contains("v1/actions/{token}", logs.Text, StringComparison.Ordinal);
        Assert.Contains("req-42", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-action-token-123", logs.Text, StringComparison.Ordinal);
    }
}
