using Azure.Data.Tables;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tests.Pipeline;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.UseCases;

[Collection(AzuriteCollection.Name)]
public sealed class UseCaseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateUser_Token_AuthenticatesAndIsStoredOnlyAsHash()
    {
        var h = new PipelineHarness(azurite);
        var created = await h.Users.CreateAsync("ada@example.com", PipelineHarness.Settings());

        Assert.True(created.Token.Length >= 43); // 256 bits in base64url
        Assert.Equal(created.UserId, await h.Users.AuthenticateAsync(created.Token));
        Assert.Null(await h.Users.AuthenticateAsync(created.Token + "x"));
        Assert.Null(await h.Users.AuthenticateAsync(""));

        var stored = await h.Clients.Tokens.GetEntityAsync<TableEntity>(StorageKeys.HashToken(created.Token), "");
        Assert.DoesNotContain(stored.Value, kv => kv.Value is string s && s.Contains(created.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokeToken_RevokedToken_NoLongerAuthenticates()
    {
        var h = new PipelineHarness(azurite);
        var created = await h.Users.CreateAsync("ada@example.com", PipelineHarness.Settings());
        var second = await h.Users.IssueTokenAsync(created.UserId);

        await h.Users.RevokeTokenAsync(created.UserId, created.Token);

        Assert.Null(await h.Users.AuthenticateAsync(created.Token));
        Assert.Equal(created.UserId, await h.Users.AuthenticateAsync(second));
    }

    [Fact]
    public async Task CreateUser_InvalidFields_ThrowsWithEachField()
    {
        var h = new PipelineHarness(azurite);
        var bad = PipelineHarness.Settings() with { TimeZoneId = "Mars/Olympus", Country = "gbr" };

        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => h.Users.CreateAsync("not-an-email", bad));

        Assert.Contains("email", e.Errors.Keys);
        Assert.Contains("timeZone", e.Errors.Keys);
        Assert.Contains("country", e.Errors.Keys);
    }

    [Fact]
    public async Task LogOutreach_AwaitingAsk_SchedulesTwoFollowUpsWithIndexRows()
    {
        var h = new PipelineHarness(azurite);
        var (userId, personId) = await h.UserWithPersonAsync();

        var result = await h.Outreach.LogAsync(userId, personId, new OutreachDraft(Channel: "email", Text: "Could I ask one question about X?"));

        Assert.Equal(2, result.FollowUps.Count);
        Assert.Equal([1, 2], result.FollowUps.Select(f => f.Step));
        Assert.Equal(h.Now + Duration.FromDays(5), result.FollowUps[0].DueAt);
        Assert.Equal(NudgeStatus.Scheduled, result.FollowUps[0].Status);
        Assert.Equal("Europe/London", result.FollowUps[0].DueLocal.Zone.Id);
        foreach (var f in result.FollowUps)
        {
            var stored = await h.NudgeAsync(userId, f.NudgeId);
            Assert.True(await h.Index.ExistsAsync(stored.IndexPartition!, stored.IndexRow!));
        }

        var schedule = await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(30));
        Assert.Equal(result.FollowUps.Select(f => f.NudgeId), schedule.Select(s => s.NudgeId));
    }

    [Fact]
    public async Task LogReply_PendingFollowUps_CancelsThemAtOnce()
    {
        var h = new PipelineHarness(azurite);
        var (userId, personId) = await h.UserWithPersonAsync();
        var outreach = await h.Outreach.LogAsync(userId, personId, new OutreachDraft());
        h.Clock.Advance(Duration.FromDays(1));

        var reply = await h.Interactions.LogReplyAsync(userId, personId);

        Assert.Equal(2, reply.CancelledFollowUps);
        Assert.Single(reply.AnsweredAsks);
        Assert.Empty(await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(30)));
        var history = await h.Schedule.HistoryAsync(userId);
        Assert.All(outreach.FollowUps, f => Assert.Contains(history, n => n.NudgeId == f.NudgeId && n.Status == NudgeStatus.Cancelled));
    }

    [Fact]
    public async Task LogInteraction_AfterOutreach_CancelsItsFollowUps()
    {
        var h = new PipelineHarness(azurite);
        var (userId, personId) = await h.UserWithPersonAsync();
        await h.Outreach.LogAsync(userId, personId, new OutreachDraft());
        h.Clock.Advance(Duration.FromHours(3));

        await h.Interactions.LogAsync(userId, personId, InteractionKind.Meeting, note: "coffee");

        Assert.Empty(await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(30)));
    }

    [Fact]
    public async Task DeletePerson_WithFollowUps_CancelsThemAndRemovesThePerson()
    {
        var h = new PipelineHarness(azurite);
        var (userId, personId) = await h.UserWithPersonAsync();
        await h.Outreach.LogAsync(userId, personId, new OutreachDraft());

        await h.People.DeleteAsync(userId, personId);

        await Assert.ThrowsAsync<NotFoundException>(() => h.People.GetAsync(userId, personId));
        Assert.Empty(await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(30)));
        Assert.Empty((await h.Users.ExportAsync(userId)).Asks);
    }

    [Fact]
    public async Task AnyMethod_AnotherUsersIds_NotFound()
    {
        var h = new PipelineHarness(azurite);
        var (_, personOfA) = await h.UserWithPersonAsync("a@example.com");
        var (userB, _) = await h.UserWithPersonAsync("b@example.com");

        await Assert.ThrowsAsync<NotFoundException>(() => h.People.GetAsync(userB, personOfA));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Outreach.LogAsync(userB, personOfA, new OutreachDraft()));
        await Assert.ThrowsAsync<NotFoundException>(() => h.People.DeleteAsync(userB, personOfA));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Users.GetAsync("u-nobody"));
    }

    [Fact]
    public async Task Erase_UserWithData_LeavesNothingAndStaleIndexRowsAreSkipped()
    {
        var h = new PipelineHarness(azurite);
        var created = await h.Users.CreateAsync("ada@example.com", PipelineHarness.Settings());
        var person = await h.People.AddAsync(created.UserId, new PersonDraft("Grace"));
        await h.Outreach.LogAsync(created.UserId, person.Id, new OutreachDraft(Text: "hello"));
        await h.Interactions.LogAsync(created.UserId, person.Id, InteractionKind.Thank);

        await h.Users.EraseAsync(created.UserId);

        var rows = new List<TableEntity>();
        await foreach (var e in h.Clients.Data.QueryAsync<TableEntity>(e => e.PartitionKey == created.UserId))
        {
            rows.Add(e);
        }

        Assert.Empty(rows);
        Assert.Null(await h.Users.AuthenticateAsync(created.Token));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Users.ExportAsync(created.UserId));

        h.Clock.Advance(Duration.FromDays(20));
        var results = await h.TickAndSendAsync();
        Assert.Empty(results);
        Assert.Empty(h.Email.Attempts);
    }

    [Fact]
    public async Task UpdateUser_Unsubscribed_CancelsFutureNudges()
    {
        var h = new PipelineHarness(azurite);
        var (userId, personId) = await h.UserWithPersonAsync();
        await h.Outreach.LogAsync(userId, personId, new OutreachDraft());

        await h.Users.UnsubscribeAsync(userId);

        Assert.Empty(await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(30)));
        Assert.True((await h.Users.GetAsync(userId)).Unsubscribed);
    }

    [Fact]
    public async Task Export_UserWithData_ContainsEverything()
    {
        var h = new PipelineHarness(azurite);
        var (userId, personId) = await h.UserWithPersonAsync();
        await h.Outreach.LogAsync(userId, personId, new OutreachDraft(Subject: "Coffee?"));
        await h.Interactions.LogAsync(userId, personId, InteractionKind.Share, note: "article");

        var export = await h.Users.ExportAsync(userId);

        Assert.Equal("ada@example.com", export.User.Email);
        Assert.Single(export.People);
        Assert.Equal("Coffee?", Assert.Single(export.Asks).Subject);
        Assert.Equal("article", Assert.Single(export.Interactions).Note);
        Assert.Equal(2, export.Nudges.Count);
    }

    [Fact]
    public async Task UpdateUser_Settings_RoundTripAndReplan()
    {
        var h = new PipelineHarness(azurite);
        var (userId, _) = await h.UserWithPersonAsync();
        var settings = PipelineHarness.Settings("America/New_York", "US") with
        {
            VacationUntil = new LocalDate(2026, 4, 1),
            ExtraHolidays = [new LocalDate(2026, 3, 17)],
            Webhook = new WebhookSettings(new Uri("https://hooks.example.com/x"), WebhookFormat.Slack, "webhook-secret-0123456789"),
        };
        var calls = h.Planner.Calls;

        await h.Users.UpdateAsync(userId, "ada2@example.com", settings, "Ada");

        var user = await h.Users.GetAsync(userId);
        Assert.Equal("ada2@example.com", user.Email);
        Assert.Equal("America/New_York", user.Settings.TimeZoneId);
        Assert.Equal(new LocalDate(2026, 4, 1), user.Settings.VacationUntil);
        Assert.Equal(WebhookFormat.Slack, user.Settings.Webhook!.Format);
        Assert.Equal(UserSettings.DefaultWorkDays, user.Settings.WorkDays);
        Assert.True(h.Planner.Calls > calls);
    }
}
