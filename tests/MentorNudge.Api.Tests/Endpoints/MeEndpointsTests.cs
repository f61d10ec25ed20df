using System.Net;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary><c>PUT /api/v1/me</c> on Azurite: the change is decided on the stored user, in one partition load.</summary>
[Collection(StorageCollection.Name)]
public sealed class MeEndpointsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PutMe_WebhookWithoutSecret_KeepsTheStoredSecretsAndShowsThemOnlyWhenNew()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var webhook = new { url = "https://hooks.example.test/in", format = "generic" };

        var first = await PutAsync(stack, user, new { email = "sam@example.com", timeZone = "Europe/London", country = "GB", webhook });
        var secret = first["webhook"]!["secret"]?.GetValue<string>();
        var inbound = first["webhook"]!["inboundSecret"]?.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        Assert.StartsWith("whsec_", inbound);

        // The same webhook again, secrets left out: kept, so not shown again.
        var second = await PutAsync(stack, user, new { email = "sam@example.com", timeZone = "Europe/Paris", country = "FR", webhook });
        Assert.Null(second["webhook"]!["secret"]);
        Assert.Null(second["webhook"]!["inboundSecret"]);
        Assert.Equal("Europe/Paris", second["timeZone"]!.GetValue<string>());

        // A new secret given by the caller replaces it and is echoed once.
        var third = await PutAsync(stack, user, new { email = "sam@example.com", timeZone = "Europe/Paris", country = "FR", webhook = new { webhook.url, webhook.format, secret = "whsec_mine_0123456789abcdef0123456789" } });
        Assert.Equal("whsec_mine_0123456789abcdef0123456789", third["webhook"]!["secret"]!.GetValue<string>());
        Assert.Null(third["webhook"]!["inboundSecret"]);
    }

    [Fact]
    public async Task PutMe_BadFields_Returns400NamingThemAndChangesNothing()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync(zone: "Europe/London");

        using var response = await stack.SendAsync(HttpMethod.Put, "/api/v1/me", user.Token, new
        {
            email = "sam@example.com",
            timeZone = "Mars/Olympus_Mons",
            country = "GB",
            webhook = new { url = "http://plain.example.test/in" },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        Assert.Contains("timeZone", errors.Select(e => e.Key));
        Assert.Contains("webhook.url", errors.Select(e => e.Key));

        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", user.Token);
        var stored = JsonNode.Parse(await me.Content.ReadAsStringAsync())!;
        Assert.Equal("Europe/London", stored["timeZone"]!.GetValue<string>());
        Assert.Null(stored["webhook"]);
    }

    private static async Task<JsonNode> PutAsync(ApiStack stack, TestUser user, object body)
    {
        using var response = await stack.SendAsync(HttpMethod.Put, "/api/v1/me", user.Token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }
}
