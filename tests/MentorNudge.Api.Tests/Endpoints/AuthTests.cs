using System.Net;
using MentorNudge.Api.Routing;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class AuthTests(AzuriteFixture azurite)
{
    // Routes whose credential is not a bearer token: the path (actions, the calendar feed) or a signature (hooks).
    private static readonly string[] Open = ["Health", "OpenApi", "Actions", "HookEvents", "HookInboundEmail", "HookCapture", "HookAcs", "CalendarFeed"];

    private static IEnumerable<(string Method, string Path, bool Admin)> ProtectedRoutes() =>
        ApiRoutes.All
            .Where(r => !Open.Contains(r.Name))
            .SelectMany(r => r.Handlers.Keys.Select(m => (m, "/api/" + r.Template.Replace("{id}", "p1", StringComparison.Ordinal).Replace("{queue}", "nudges", StringComparison.Ordinal), r.Name.StartsWith("Admin", StringComparison.Ordinal))));

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task EveryProtectedRoute_BadCredentials_Unauthorized(string? authorization)
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        foreach (var (method, path, admin) in ProtectedRoutes())
        {
            var headers = new Dictionary<string, string>();
            if (authorization is not null)
            {
                headers[admin ? "X-Admin-Key" : "Authorization"] = admin ? "wrong-admin-key" : authorization;
            }

            using var response = await stack.SendRawAsync(new HttpMethod(method), path, null, "{}", "application/json", headers);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AdminRoute_UserToken_Unauthorized()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "/api/v1/admin/users", user.Token, new { email = "x@example.com", timeZone = "Europe/London", country = "GB" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
