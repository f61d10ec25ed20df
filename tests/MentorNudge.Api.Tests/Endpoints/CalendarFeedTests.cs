using System.Net;
using System.Text.Json.Nodes;
using Ical.Net;
using MentorNudge.Api.Tests.Infrastructure;
using MentorNudge.Infrastructure.Tests.Azurite;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Api.Tests.Endpoints;

/// <summary>The calendar feed through HTTP on Azurite: parsed back with Ical.Net and compared with <c>GET /api/v1/schedule</c>.</summary>
[Collection(StorageCollection.Name)]
public sealed class CalendarFeedTests(AzuriteFixture azurite)
{
    // A Wednesday four days before Europe/London leaves summer time (Sunday 25 October 2026, 01:00 UTC).
    private static readonly Instant BeforeDstEnds = Instant.FromUtc(2026, 10, 21, 12, 0);
    private static readonly Instant DstEnds = Instant.FromUtc(2026, 10, 25, 1, 0);

    [Fact]
    public async Task Feed_AfterOutreachAcrossDstChange_ListsTheScheduleWithNudgeIdsAndExactInstants()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        stack.Host.Clock.Reset(BeforeDstEnds);
        var user = await stack.CreateUserAsync();
        var personId = await AddPersonWithOutreachAsync(stack, user, "Ada Lovelace");
        var url = await CreateFeedAsync(stack, user);

        using var feed = await stack.Client.GetAsync(url);
        var text = await feed.Content.ReadAsStringAsync();
        var schedule = await ScheduleAsync(stack, user);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var events = Calendar.Load(text)!.Events.ToList();
        Assert.Equal(schedule.Select(n => n.Id).Order(StringComparer.Ordinal), events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.Contains(schedule, n => n.Kind == "followUp");
        Assert.Contains(schedule, n => n.Kind == "weeklyDigest");
        Assert.Contains(schedule, n => n.Kind == "followUp" && n.DueAt > DstEnds);
        foreach (var n in schedule)
        {
            var e = events.Single(x => x.Uid == n.Id);
            Assert.Equal(n.DueAt, Instant.FromDateTimeUtc(e.DtStart!.AsUtc));
            if (n.Kind == "followUp")
            {
                Assert.Contains("Ada Lovelace", e.Summary, StringComparison.Ordinal);
                Assert.Equal(new Uri($"https://mentornudge.example.test/app/people/{personId}"), e.Url);
                Assert.False(string.IsNullOrWhiteSpace(e.Description));
            }
        }

        // The instants keep the user's local reminder time on both sides of the change: the UTC hour moves, the London hour does not.
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var followUps = schedule.Where(n => n.Kind == "followUp").ToList();
        Assert.Single(followUps.Select(n => n.DueAt.InZone(london).TimeOfDay).Distinct());
        Assert.Contains(followUps, n => n.DueAt.InZone(london).Offset == Offset.Zero);
        Assert.All(followUps, n => Assert.Equal(n.DueLocalOffset, n.DueAt.InZone(london).Offset));
    }

    [Fact]
    public async Task Feed_IfNoneMatchWithItsETag_Answers304WithoutBodyUntilTheScheduleChanges()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var url = await CreateFeedAsync(stack, user);

        using var first = await stack.Client.GetAsync(url);
        var etag = first.Headers.ETag!;
        using var again = await GetIfNoneMatchAsync(stack, url, etag.Tag);
        await AddPersonWithOutreachAsync(stack, user, "Grace Hopper");
        using var changed = await GetIfNoneMatchAsync(stack, url, etag.Tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag.Tag, changed.Headers.ETag!.Tag);
        Assert.Contains("Grace Hopper", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_OldUrl_Answers404AndNewUrlWorks()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var old = await CreateFeedAsync(stack, user);

        var rotated = await CreateFeedAsync(stack, user);
        using var oldFeed = await stack.Client.GetAsync(old);
        using var newFeed = await stack.Client.GetAsync(rotated);

        Assert.NotEqual(old, rotated);
        Assert.Equal(HttpStatusCode.NotFound, oldFeed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newFeed.StatusCode);
    }

    [Fact]
    public async Task Revoke_Feed_Answers404AndRevokingAgainIs404()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var user = await stack.CreateUserAsync();
        var url = await CreateFeedAsync(stack, user);

        using var revoke = await stack.SendAsync(HttpMethod.Delete, "/api/v1/me/calendar-feed", user.Token);
        using var feed = await stack.Client.GetAsync(url);
        using var again = await stack.SendAsync(HttpMethod.Delete, "/api/v1/me/calendar-feed", user.Token);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Feed_OtherUsersIdWithOwnSecretOrUnknownToken_Answers404()
    {
        await using var stack = await ApiStack.StartAsync(azurite);
        var owner = await stack.CreateUserAsync("owner@example.com");
        await AddPersonWithOutreachAsync(stack, owner, "Ada Lovelace");
        var intruder = await stack.CreateUserAsync("intruder@example.com");
        await CreateFeedAsync(stack, owner);
        var own = await CreateFeedAsync(stack, intruder);

        // The intruder's own secret presented with the owner's user id, and made-up tokens.
        var secret = own[(own.LastIndexOf('.', own.Length - 5) + 1)..];
        var forged = $"/api/v1/calendar/{owner.UserId}.{secret}";
        foreach (var path in new[] { forged, $"/api/v1/calendar/{owner.UserId}.ics", "/api/v1/calendar/nothing.ics", $"/api/v1/calendar/{owner.UserId}.AAAA.ics" })
        {
            using var response = await stack.Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Ada Lovelace", body, StringComparison.Ordinal);
        }

        using var mine = await stack.Client.GetAsync(own);
        Assert.DoesNotContain("Ada Lovelace", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_WithoutBearer_Answers401()
    {
        await using var stack = await ApiStack.StartAsync(azurite);

        using var response = await stack.SendAsync(HttpMethod.Post, "/api/v1/me/calendar-feed", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Creates (or rotates) the user's feed; the path of its URL.</summary>
    internal static async Task<string> CreateFeedAsync(ApiStack stack, TestUser user)
    {
        using var response = await stack.SendAsync(HttpMethod.Post, "/api/v1/me/calendar-feed", user.Token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = new Uri(JsonNode.Parse(body)!["url"]!.GetValue<string>());
        Assert.Equal("mentornudge.example.test", url.Host);
        Assert.EndsWith(".ics", url.AbsolutePath, StringComparison.Ordinal);
        return url.AbsolutePath;
    }

    private static async Task<string> AddPersonWithOutreachAsync(ApiStack stack, TestUser user, string name)
    {
        using var person = await stack.SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name, emails = new[] { $"{Guid.NewGuid():N}@example.org" } });
        var personBody = await person.Content.ReadAsStringAsync();
        Assert.True(person.IsSuccessStatusCode, personBody);
        var personId = JsonNode.Parse(personBody)!["id"]!.GetValue<string>();
        using var outreach = await stack.SendAsync(HttpMethod.Post, $"/api/v1/people/{personId}/outreach", user.Token, new { text = "Could I ask two questions about your talk in a 20-minute call next week?" });
        Assert.True(outreach.IsSuccessStatusCode, await outreach.Content.ReadAsStringAsync());
        return personId;
    }

    private static async Task<List<(string Id, string Kind, Instant DueAt, Offset DueLocalOffset)>> ScheduleAsync(ApiStack stack, TestUser user)
    {
        var to = InstantPattern.General.Format(stack.Now + Duration.FromDays(366));
        using var response = await stack.SendAsync(HttpMethod.Get, $"/api/v1/schedule?to={to}", user.Token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsArray().Select(n => (
            n!["nudgeId"]!.GetValue<string>(),
            n["kind"]!.GetValue<string>(),
            InstantPattern.ExtendedIso.Parse(n["dueAt"]!.GetValue<string>()).Value,
            OffsetDateTimePattern.ExtendedIso.Parse(n["dueLocal"]!.GetValue<string>()).Value.Offset)).ToList();
    }

    private static Task<HttpResponseMessage> GetIfNoneMatchAsync(ApiStack stack, string path, string etag) =>
        stack.SendRawAsync(HttpMethod.Get, path, token: null, body: null, contentType: null, new Dictionary<string, string> { ["If-None-Match"] = etag });
}
