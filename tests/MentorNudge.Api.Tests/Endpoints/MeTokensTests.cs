using System.Net;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using NodaTime;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class MeTokensTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Create_ThenList_ShowsIdsAndDatesNeverSecrets()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        var created = await CreateTokenAsync(stack, user.Token, new { });
        using var list = await stack.SendAsync(HttpMethod.Get, "/api/v1/me/tokens", user.Token);
        var body = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var tokens = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(2, tokens.Count);
        Assert.Contains(tokens, t => t!["id"]!.GetValue<string>() == created.Id);
        Assert.All(tokens, t => Assert.NotNull(t!["createdAt"]));
        Assert.DoesNotContain(created.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Token, body, StringComparison.Ordinal);
        Assert.Null(tokens.Single(t => t!["id"]!.GetValue<string>() == created.Id)!["token"]);
    }

    [Fact]
    public async Task Create_NewToken_Authenticates()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        var created = await CreateTokenAsync(stack, user.Token, new { });
        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", created.Secret);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.UserId, JsonNode.Parse(await me.Content.ReadAsStringAsync())!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_ById_TokenAnswers401AndLeavesTheList()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var created = await CreateTokenAsync(stack, user.Token, new { });

        using var revoke = await stack.SendAsync(HttpMethod.Delete, $"/api/v1/me/tokens/{created.Id}", user.Token);
        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", created.Secret);
        using var list = await stack.SendAsync(HttpMethod.Get, "/api/v1/me/tokens", user.Token);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.DoesNotContain(created.Id, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_OwnCurrentToken_Answers401Afterwards()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        using var list = await stack.SendAsync(HttpMethod.Get, "/api/v1/me/tokens", user.Token);
        var id = JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray().Single()!["id"]!.GetValue<string>();

        using var revoke = await stack.SendAsync(HttpMethod.Delete, $"/api/v1/me/tokens/{id}", user.Token);
        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", user.Token);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Revoke_OtherUsersTokenId_NotFoundAndStillValid()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var owner = await stack.CreateUserAsync("owner@example.com");
        var other = await stack.CreateUserAsync("other@example.com");
        var created = await CreateTokenAsync(stack, owner.Token, new { });

        using var revoke = await stack.SendAsync(HttpMethod.Delete, $"/api/v1/me/tokens/{created.Id}", other.Token);
        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", created.Secret);

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal("application/problem+json", revoke.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Create_WithExpiry_ValidUntilThen401()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var expiresAt = stack.Now.Plus(Duration.FromDays(1));
        var created = await CreateTokenAsync(stack, user.Token, new { expiresAt = expiresAt.ToString() });

        using var before = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", created.Secret);
        stack.Host.Clock.Advance(Duration.FromDays(1));
        using var after = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", created.Secret);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData("""{"expiresAt":"2020-01-01T00:00:00Z"}""")]
    [InlineData("""{"expiresAt":"2999-01-01T00:00:00Z"}""")]
    [InlineData("""{"expiresAt":"soon"}""")]
    public async Task Create_BadExpiry_ValidationProblemAndNoToken(string body)
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/me/tokens", user.Token, body, "application/json");
        using var list = await stack.SendAsync(HttpMethod.Get, "/api/v1/me/tokens", user.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("expiresAt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray());
    }

    [Fact]
    public async Task AdminRevokeAll_EveryTokenOfTheUser401_OtherUsersUntouched()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync("user@example.com");
        var bystander = await stack.CreateUserAsync("bystander@example.com");
        var second = await CreateTokenAsync(stack, user.Token, new { });

        using var revoke = await stack.SendRawAsync(HttpMethod.Delete, $"/api/v1/admin/users/{user.UserId}/tokens", null, null, null, new Dictionary<string, string> { ["X-Admin-Key"] = ApiTestHost.AdminKey });
        using var first = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", user.Token);
        using var other = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", second.Secret);
        using var bystanding = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", bystander.Token);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await revoke.Content.ReadAsStringAsync())!["revoked"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bystanding.StatusCode);
    }

    [Fact]
    public async Task AdminRevokeAll_UnknownUser_NotFound()
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var revoke = await stack.SendRawAsync(HttpMethod.Delete, "/api/v1/admin/users/u0000/tokens", null, null, null, new Dictionary<string, string> { ["X-Admin-Key"] = ApiTestHost.AdminKey });

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
    }

    [Fact]
    public async Task AdminIssue_AfterRevokeAll_GivesTheUserAWayBackIn()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync("locked-out@example.com");
        var admin = new Dictionary<string, string> { ["X-Admin-Key"] = ApiTestHost.AdminKey };
        using var revoke = await stack.SendRawAsync(HttpMethod.Delete, $"/api/v1/admin/users/{user.UserId}/tokens", null, null, null, admin);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        using var issue = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/admin/users/{user.UserId}/tokens", null, null, null, admin);
        var body = JsonNode.Parse(await issue.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, issue.StatusCode);
        var secret = body["token"]!.GetValue<string>();

        using var me = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", secret);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.UserId, JsonNode.Parse(await me.Content.ReadAsStringAsync())!["userId"]!.GetValue<string>());
        using var old = await stack.SendAsync(HttpMethod.Get, "/api/v1/me", user.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
    }

    [Fact]
    public async Task AdminIssue_WithoutAdminKeyOrForUnknownUser_Refused()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync("someone@example.com");

        using var anonymous = await stack.SendRawAsync(HttpMethod.Post, $"/api/v1/admin/users/{user.UserId}/tokens", null, null, null);
        using var asUser = await stack.SendAsync(HttpMethod.Post, $"/api/v1/admin/users/{user.UserId}/tokens", user.Token);
        using var unknown = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/admin/users/u0000/tokens", null, null, null, new Dictionary<string, string> { ["X-Admin-Key"] = ApiTestHost.AdminKey });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asUser.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<(string Id, string Secret)> CreateTokenAsync(ApiStack stack, string token, object body)
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/api/v1/me/tokens", token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var node = JsonNode.Parse(text)!;
        return (node["id"]!.GetValue<string>(), node["token"]!.GetValue<string>());
    }
}
