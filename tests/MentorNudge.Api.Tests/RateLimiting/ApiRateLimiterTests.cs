using System.Net;
using MentorNudge.Api.RateLimiting;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api.Tests.RateLimiting;

[Collection(StorageCollection.Name)]
public sealed class ApiRateLimiterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PerToken_OverTheLimit_429ProblemWithRetryAfter_OtherTokenUnaffected()
    {
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<ApiRateLimitOptions>(o => o.PerTokenPermits = 3));
        var limited = await stack.CreateUserAsync("limited@example.com");
        var other = await stack.CreateUserAsync("other@example.com");

        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await stack.SendAsync(HttpMethod.Get, "/api/v1/people", limited.Token);
            answers.Add(response.StatusCode);
            rejected = response;
        }

        using var fromOther = await stack.SendAsync(HttpMethod.Get, "/api/v1/people", other.Token);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal("application/problem+json", rejected!.Content.Headers.ContentType?.MediaType);
        Assert.True(rejected.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {rejected.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
    }

    [Fact]
    public async Task PerAddress_AnonymousHookFlood_429()
    {
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<ApiRateLimitOptions>(o => o.PerAddressPermits = 5));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/hooks/u123/events", null, "{}", "application/json");
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Fact]
    public async Task Disabled_NoLimit()
    {
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<ApiRateLimitOptions>(o => { o.Enabled = false; o.PerAddressPermits = 1; }));

        for (var i = 0; i < 3; i++)
        {
            using var response = await stack.SendAsync(HttpMethod.Get, "/api/health", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
