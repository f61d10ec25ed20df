using System.Net;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary>Importing never takes a user over <c>MentorNudge:Limits:MaxPeople</c>: the dry run says which rows would be skipped, the commit skips them.</summary>
[Collection(StorageCollection.Name)]
public sealed class ImportCapTests(AzuriteFixture azurite)
{
    private const string Csv =
        "Name,Email\r\n" +
        "Ada Lovelace,ada@example.org\r\n" +
        "Alan Turing,alan@example.org\r\n" +
        "Grace Hopper,grace@example.org\r\n" +
        "Katherine Johnson,kj@example.org\r\n";

    [Fact]
    public async Task Import_OverPeopleCap_DryRunAndCommitSkipRowsBeyondIt()
    {
        await using var stack = await ApiStack.StartAsync(azurite, s => s.Configure<UserCapsOptions>(o => o.MaxPeople = 3));
        var user = await stack.CreateUserAsync();
        using var added = await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name = "Already Here", emails = new[] { "here@example.org" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var dry = await ImportAsync(stack, user, "?dryRun=true");
        var committed = await ImportAsync(stack, user, "");
        var again = await ImportAsync(stack, user, "");

        Assert.Equal(2, dry["created"]!.GetValue<int>());
        Assert.Equal(2, dry["skipped"]!.GetValue<int>());
        var skippedLines = dry["details"]!.AsArray().Where(d => d!["action"]!.GetValue<string>() == "skipped").Select(d => d!["line"]!.GetValue<int>());
        Assert.Equal([4, 5], skippedLines);
        Assert.Contains("limit of 3 people", dry["details"]![2]!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, committed["created"]!.GetValue<int>());
        Assert.Equal(2, committed["skipped"]!.GetValue<int>());
        Assert.Equal(0, again["created"]!.GetValue<int>());
        using var people = await stack.SendAsync(HttpMethod.Get, "/api/v1/people", user.Token);
        var list = JsonNode.Parse(await people.Content.ReadAsStringAsync())!;
        var items = list as JsonArray ?? list["items"]!.AsArray();
        Assert.Equal(3, items.Count);
    }

    private static async Task<JsonNode> ImportAsync(ApiStack stack, TestUser user, string query)
    {
        using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/people/import" + query, user.Token, Csv, "text/csv");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
