using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using Xunit.Abstractions;

namespace MentorNudge.Api.Tests.Routing;

/// <summary>
/// P7: storage requests per API call, counted by the clients' pipeline policy (every HTTP attempt
/// to tables and queues), on a user with a person, an outreach and an interaction. The budgets are
/// the table in docs/performance.md: authentication is one point read of the token row, and a
/// request loads the user's partition at most once.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class RouteStorageBudgetTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task UserRoutes_OnePopulatedUser_StayWithinTheirStorageBudget()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreatePopulatedUserAsync("budget@example.com", "ada@example.org");
        var person = $"/api/v1/people/{user.PersonId}";
        var counts = new List<(string Route, int Requests, int Budget)>();

        async Task<string> Measure(string route, int budget, HttpMethod method, string path, object? body = null)
        {
            stack.Counter.Reset();
            using var response = await stack.SendAsync(method, path, user.Token, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {text}");
            counts.Add((route, stack.Counter.Total, budget));
            return text;
        }

        await Measure("GET /me", 2, HttpMethod.Get, "/api/v1/me");
        await Measure("PUT /me", 4, HttpMethod.Put, "/api/v1/me", new { email = "budget@example.com", timeZone = "Europe/Paris", country = "FR" });
        await Measure("GET /people", 2, HttpMethod.Get, "/api/v1/people");
        var added = await Measure("POST /people", 3, HttpMethod.Post, "/api/v1/people", new { name = "Grace Hopper", emails = new[] { "grace@example.org" } });
        await Measure("GET /people/{id}", 2, HttpMethod.Get, person);
        await Measure("PUT /people/{id}", 3, HttpMethod.Put, person, new { name = "Ada King", emails = new[] { "ada@example.org" } });
        var grace = $"/api/v1/people/{JsonNode.Parse(added)!["id"]!.GetValue<string>()}";
        var first = await Measure("POST /people/{id}/outreach", 5, HttpMethod.Post, grace + "/outreach", new { text = "Could I ask you two questions about your talk, in a 20-minute call next week?" });
        output.WriteLine(first);
        await Measure("POST /people/{id}/interactions", 3, HttpMethod.Post, person + "/interactions", new { kind = "comment", note = "Commented on her post" });
        await Measure("POST /people/{id}/replies", 3, HttpMethod.Post, person + "/replies", new { });
        await Measure("GET /schedule", 2, HttpMethod.Get, "/api/v1/schedule");

        // A bare date is a day in the user's zone: only then is the user row read.
        await Measure("GET /schedule?from={date}", 3, HttpMethod.Get, "/api/v1/schedule?from=2027-01-04");
        await Measure("GET /nudges", 2, HttpMethod.Get, "/api/v1/nudges");
        await Measure("POST /coach", 2, HttpMethod.Post, "/api/v1/coach", new { text = "Will you be my mentor?", personId = user.PersonId });
        await Measure("GET /me/export", 2, HttpMethod.Get, "/api/v1/me/export");
        await Measure("DELETE /people/{id}", 3, HttpMethod.Delete, grace);
        var feed = await Measure("POST /me/calendar-feed", 3, HttpMethod.Post, "/api/v1/me/calendar-feed");
        var feedPath = new Uri(JsonNode.Parse(feed)!["url"]!.GetValue<string>()).AbsolutePath;

        // The feed is anonymous (the token is in the path): a point read of the feed row, one partition query.
        await Measure("GET /calendar/{feedToken}.ics", 2, HttpMethod.Get, feedPath);

        var table = new StringBuilder("| route | storage requests | budget |\n|---|---|---|\n");
        foreach (var (route, requests, budget) in counts)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {route} | {requests} | {budget} |\n");
        }

        output.WriteLine(table.ToString());
        Assert.All(counts, c => Assert.True(c.Requests <= c.Budget, $"{c.Route}: {c.Requests} storage requests, budget {c.Budget}\n{table}"));
    }
}
