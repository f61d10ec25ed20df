using System.Net;
using System.Text.Json;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class TenantIsolationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryPersonRoute_OtherUsersId_NotFoundAndOwnerUnchanged()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var a = await stack.CreatePopulatedUserAsync("a@example.com", "ada-a@example.org");
        var b = await stack.CreatePopulatedUserAsync("b@example.com", "ada-b@example.org");
        var before = await stack.ExportAsync(b);

        var id = b.PersonId;
        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/people/{id}", null),
            (HttpMethod.Put, $"/api/v1/people/{id}", new { name = "Taken over" }),
            (HttpMethod.Delete, $"/api/v1/people/{id}", null),
            (HttpMethod.Post, $"/api/v1/people/{id}/outreach", new { text = "hello" }),
            (HttpMethod.Post, $"/api/v1/people/{id}/replies", new { }),
            (HttpMethod.Post, $"/api/v1/people/{id}/interactions", new { kind = "thank" }),
            (HttpMethod.Post, "/api/v1/coach", new { text = "Could we talk?", personId = id }),
        };
        foreach (var (method, path, body) in attempts)
        {
            using var response = await stack.SendAsync(method, path, a.Token, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await stack.ExportAsync(b));
    }

    [Fact]
    public async Task ListRoutes_TwoUsers_EachSeesOnlyOwnData()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var a = await stack.CreatePopulatedUserAsync("a@example.com", "ada-a@example.org");
        var b = await stack.CreatePopulatedUserAsync("b@example.com", "ada-b@example.org");

        foreach (var path in new[] { "/api/v1/people", "/api/v1/schedule?from=2026-01-01&to=2026-12-31", "/api/v1/nudges", "/api/v1/me", "/api/v1/me/export", "/api/v1/webhooks/deliveries" })
        {
            using var response = await stack.SendAsync(HttpMethod.Get, path, a.Token);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {body}");
            Assert.DoesNotContain(b.PersonId, body, StringComparison.Ordinal);
            Assert.DoesNotContain(b.UserId, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EraseMe_OneUser_OtherUserUnchanged()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var a = await stack.CreatePopulatedUserAsync("a@example.com", "ada-a@example.org");
        var b = await stack.CreatePopulatedUserAsync("b@example.com", "ada-b@example.org");
        var before = await stack.ExportAsync(b);

        using var erase = await stack.SendAsync(HttpMethod.Delete, "/api/v1/me", a.Token);
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);

        Assert.Equal(before, await stack.ExportAsync(b));
        using var gone = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", a.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
    }

    [Fact]
    public async Task Hook_SignedWithOtherUsersSecret_UnauthorizedAndUnchanged()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var a = await stack.CreatePopulatedUserAsync("a@example.com", "ada-a@example.org");
        var b = await stack.CreatePopulatedUserAsync("b@example.com", "ada-b@example.org");
        var before = await stack.ExportAsync(b);

        var body = JsonSerializer.Serialize(new { id = "evt-x", type = "reply.received", data = new { personId = b.PersonId } });
        using var response = await stack.SendSignedAsync($"/api/v1/hooks/{b.UserId}/events", body, a.InboundSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await stack.ExportAsync(b));
    }
}
