using System.Net;
using System.Text.Json.Nodes;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Api.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class ImportTests(AzuriteFixture azurite)
{
    private const string LinkedIn =
        "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\n" +
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
        "Ada,Lovelace,https://www.linkedin.com/in/adalovelace,ada@example.org,Analytical Engines,Chief Mathematician,12 Mar 2021\r\n" +
        "Alan,Turing,https://www.linkedin.com/in/alanturing,,Bletchley Park,Cryptanalyst,01 Jan 2020\r\n" +
        "Grace,Hopper,https://www.linkedin.com/in/gracehopper,grace@example.com,,,03 Feb 2018\r\n";

    private const string VCards =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL;TYPE=INTERNET:ADA@example.org\r\nEMAIL;TYPE=INTERNET:ada@engines.example\r\nEND:VCARD\r\n" +
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Katherine Johnson\r\nEMAIL:kj@nasa.example\r\nEND:VCARD\r\n";

    [Fact]
    public async Task Import_DryRun_ReportsAndWritesNothing()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var before = await stack.ExportAsync(user);

        var report = await ImportAsync(stack, user, LinkedIn, "text/csv", "?dryRun=true");

        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.Equal(3, report["created"]!.GetValue<int>());
        Assert.Equal([5, 6, 7], report["details"]!.AsArray().Select(d => d!["line"]!.GetValue<int>()));
        Assert.All(report["details"]!.AsArray(), d => Assert.Equal("created", d!["action"]!.GetValue<string>()));
        Assert.Equal(before, await stack.ExportAsync(user));
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondCreatesNothing()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        var first = await ImportAsync(stack, user, LinkedIn, "text/csv");
        var second = await ImportAsync(stack, user, LinkedIn, "text/csv");

        Assert.Equal(3, first["created"]!.GetValue<int>());
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(0, second["updated"]!.GetValue<int>());
        Assert.Equal(3, second["unchanged"]!.GetValue<int>());
        var people = await PeopleAsync(stack, user);
        Assert.Equal(3, people.Count);
        var ada = people.Single(p => p["name"]!.GetValue<string>() == "Ada Lovelace");
        Assert.Equal("existing", ada["connection"]!.GetValue<string>());
        Assert.Equal("Chief Mathematician at Analytical Engines", ada["notes"]!.GetValue<string>());
        Assert.Equal("https://www.linkedin.com/in/adalovelace", ada["links"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_VCardsMatchingByEmailAndCsvMatchingByProfileUrl_UpdatesKeepingUserEdits()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        using var added = await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new
        {
            name = "Ada (my mentor)", emails = new[] { "ada@example.org" }, links = new[] { "http://linkedin.com/in/AdaLovelace/" }, notes = "Mine", role = "mentor",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var fromCards = await ImportAsync(stack, user, VCards, "text/vcard");
        var fromLinkedIn = await ImportAsync(stack, user, LinkedIn.Replace("ada@example.org", "ada@newjob.example", StringComparison.Ordinal), "text/csv");

        Assert.Equal(1, fromCards["updated"]!.GetValue<int>());
        Assert.Equal(1, fromCards["created"]!.GetValue<int>());
        Assert.Equal("updated", fromLinkedIn["details"]![0]!["action"]!.GetValue<string>());
        var ada = (await PeopleAsync(stack, user)).Single(p => p["name"]!.GetValue<string>() == "Ada (my mentor)");
        Assert.Equal(["ada@example.org", "ada@engines.example", "ada@newjob.example"], ada["emails"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["http://linkedin.com/in/AdaLovelace/"], ada["links"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("Mine", ada["notes"]!.GetValue<string>());
        Assert.Equal("mentor", ada["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_BadRows_SkippedWithLineErrorsOthersCreated()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        const string csv = "name,email,website\nAda Lovelace,ada@example.org,\n,nobody@example.org,\nBob,not-an-address,\nCarol,carol@example.org,ftp://carol.example/\n";

        var report = await ImportAsync(stack, user, csv, "text/csv");

        Assert.Equal(1, report["created"]!.GetValue<int>());
        Assert.Equal(3, report["skipped"]!.GetValue<int>());
        var skipped = report["details"]!.AsArray().Where(d => d!["action"]!.GetValue<string>() == "skipped").ToList();
        Assert.Equal([3, 4, 5], skipped.Select(d => d!["line"]!.GetValue<int>()));
        Assert.Equal("name", skipped[0]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("emails[0]", skipped[1]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("links[0]", skipped[2]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Single(await PeopleAsync(stack, user));
    }

    [Fact]
    public async Task Import_WithoutKeepInTouch_NoNudgesButAskedForItSchedulesThem()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var other = await stack.CreateUserAsync("other@example.com");

        await ImportAsync(stack, user, LinkedIn, "text/csv");
        await ImportAsync(stack, other, LinkedIn, "text/csv", "?keepInTouchEveryDays=30");

        Assert.DoesNotContain("keepInTouch", await ScheduleAsync(stack, user), StringComparison.Ordinal);
        var schedule = JsonNode.Parse(await ScheduleAsync(stack, other))!;
        Assert.Equal(3, Items(schedule).Count(n => n!["kind"]!.GetValue<string>() == "keepInTouch"));
    }

    [Theory]
    [InlineData("text/csv", "Ada,ada@example.org\n", "", HttpStatusCode.BadRequest)]
    [InlineData("text/vcard", "not a card\n", "", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{}", "", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/csv; charset=latin1", "name\nAda\n", "", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/csv", "name\nAda\n", "?keepInTouchEveryDays=0", HttpStatusCode.BadRequest)]
    [InlineData("text/csv", "name\nAda\n", "?dryRun=maybe", HttpStatusCode.BadRequest)]
    public async Task Import_BadRequest_ProblemAndNothingWritten(string contentType, string body, string query, HttpStatusCode expected)
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var before = await stack.ExportAsync(user);

        using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/people/import" + query, user.Token, body, contentType);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await stack.ExportAsync(user));
    }

    [Fact]
    public async Task Import_BrokenCardAfterGoodOnes_NothingWritten()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();

        using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/people/import", user.Token, VCards + "BEGIN:VCARD\r\nFN:Never Ends\r\n", "text/vcard");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 12", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await PeopleAsync(stack, user));
    }

    [Fact]
    public async Task Import_NoToken_Unauthorized()
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/people/import", null, LinkedIn, "text/csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonNode> ImportAsync(ApiStack stack, TestUser user, string body, string contentType, string query = "")
    {
        using var response = await stack.SendRawAsync(HttpMethod.Post, "/api/v1/people/import" + query, user.Token, body, contentType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<List<JsonNode>> PeopleAsync(ApiStack stack, TestUser user)
    {
        using var response = await stack.SendAsync(HttpMethod.Get, "/api/v1/people", user.Token);
        return Items(JsonNode.Parse(await response.Content.ReadAsStringAsync())!).Select(n => n!).ToList();
    }

    private static async Task<string> ScheduleAsync(ApiStack stack, TestUser user)
    {
        var from = NodaTime.Text.InstantPattern.ExtendedIso.Format(stack.Now);
        var to = NodaTime.Text.InstantPattern.ExtendedIso.Format(stack.Now + NodaTime.Duration.FromDays(365));
        using var response = await stack.SendAsync(HttpMethod.Get, $"/api/v1/schedule?from={from}&to={to}", user.Token);
        return await response.Content.ReadAsStringAsync();
    }

    private static JsonArray Items(JsonNode node) => node as JsonArray ?? node["items"]!.AsArray();
}
