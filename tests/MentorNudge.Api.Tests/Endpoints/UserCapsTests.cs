using System.Net;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class UserCapsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryCap_Reached_409ProblemNamingTheCapAndNothingWritten()
    {
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<UserCapsOptions>(o =>
        {
            o.MaxPeople = 1;
            o.MaxAsksPerPerson = 1;
            o.MaxInteractionsPerPerson = 1;
            o.MaxTokens = 2;
        }));
        var user = await stack.CreatePopulatedUserAsync("capped@example.com", "ada@example.org");
        using var token = await stack.SendAsync(HttpMethod.Post, "/api/v1/me/tokens", user.Token, new { });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var before = await stack.ExportAsync(user);

        var refused = new (string Cap, HttpResponseMessage Response)[]
        {
            ("people", await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name = "Grace" })),
            ("asksPerPerson", await stack.SendAsync(HttpMethod.Post, $"/api/v1/people/{user.PersonId}/outreach", user.Token, new { subject = "Again" })),
            ("interactionsPerPerson", await stack.SendAsync(HttpMethod.Post, $"/api/v1/people/{user.PersonId}/interactions", user.Token, new { kind = "share" })),
            ("tokens", await stack.SendAsync(HttpMethod.Post, "/api/v1/me/tokens", user.Token, new { })),
        };

        foreach (var (cap, response) in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(cap, problem["cap"]!.GetValue<string>());
            response.Dispose();
        }

        Assert.Equal(before, await stack.ExportAsync(user));
    }
}
