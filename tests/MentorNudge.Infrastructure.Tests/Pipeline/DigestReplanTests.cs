using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>
/// Issue 13, bug 1, through the application service on Azurite: a settings change followed by
/// any other re-plan used to withdraw every digest for good.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestReplanTests(AzuriteFixture azurite)
{
    // Monday 2 March 2026, 12:00 UTC: the default Monday 08:00 digest of this week has passed.
    private static readonly Instant MondayNoon = Instant.FromUtc(2026, 3, 2, 12, 0);

    [Fact]
    public async Task UpdateUser_DigestMovedToMonday1800ThenPersonAdded_DigestTodayAndEveryMonday()
    {
        var h = new PipelineHarness(azurite, MondayNoon, realEngine: true);
        var created = await h.Users.CreateAsync("ada@example.com", PipelineHarness.Settings("Etc/UTC", "GB"));
        var user = await h.Users.GetAsync(created.UserId);
        var at1800 = user.Settings with { WeeklyDigest = user.Settings.WeeklyDigest with { Day = IsoDayOfWeek.Monday, Time = new LocalTime(18, 0) } };

        h.Clock.Advance(Duration.FromMinutes(5));
        await h.Users.UpdateAsync(created.UserId, user.Email, at1800);
        h.Clock.Advance(Duration.FromMinutes(5));
        await h.People.AddAsync(created.UserId, new PersonDraft("Grace Hopper", ["grace@example.com"]));

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 18, 0), await NextDigestAsync(h, created.UserId));

        // Three weeks on: one digest every Monday at 18:00, each scheduled as the last goes out.
        for (var week = 0; week < 3; week++)
        {
            var due = Instant.FromUtc(2026, 3, 2, 18, 0) + Duration.FromDays(7 * week);
            h.Clock.Reset(due);
            var results = await h.TickAndSendAsync();
            Assert.Contains(results, r => r.Outcome == SendNudgeOutcome.Sent);
            Assert.Equal(due + Duration.FromDays(7), await NextDigestAsync(h, created.UserId));
        }

        var sent = (await h.Schedule.HistoryAsync(created.UserId)).Where(n => n.Kind == NudgeKind.WeeklyDigest && n.Status == NudgeStatus.Sent);
        Assert.Equal(3, sent.Count());
    }

    [Fact]
    public async Task UpdateUser_TokyoDigestMovedFromMondayToWednesday_FirstWednesdayKept()
    {
        // Monday 2 March 2026, 10:00 in Tokyo.
        var h = new PipelineHarness(azurite, Instant.FromUtc(2026, 3, 2, 1, 0), realEngine: true);
        var created = await h.Users.CreateAsync("ken@example.com", PipelineHarness.Settings("Asia/Tokyo", "JP"));
        var user = await h.Users.GetAsync(created.UserId);
        var wednesday = user.Settings with { WeeklyDigest = user.Settings.WeeklyDigest with { Day = IsoDayOfWeek.Wednesday } };

        await h.Users.UpdateAsync(created.UserId, user.Email, wednesday);
        await h.People.AddAsync(created.UserId, new PersonDraft("Grace Hopper", ["grace@example.com"]));

        // Wednesday 4 March, 08:00 in Tokyo.
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 23, 0), await NextDigestAsync(h, created.UserId));
    }

    [Fact]
    public async Task UpdateUser_DigestDisabledThenEnabled_SameDateDigestScheduledAgain()
    {
        var h = new PipelineHarness(azurite, MondayNoon, realEngine: true);
        var created = await h.Users.CreateAsync("ada@example.com", PipelineHarness.Settings("Etc/UTC", "GB"));
        var user = await h.Users.GetAsync(created.UserId);
        var first = await NextDigestAsync(h, created.UserId);

        var off = user.Settings with { WeeklyDigest = user.Settings.WeeklyDigest with { Enabled = false } };
        await h.Users.UpdateAsync(created.UserId, user.Email, off);
        Assert.Null(await NextDigestAsync(h, created.UserId));
        await h.Users.UpdateAsync(created.UserId, user.Email, user.Settings);

        // The withdrawn row has the same id (same date): it is re-activated, not left cancelled.
        Assert.Equal(first, await NextDigestAsync(h, created.UserId));
        h.Clock.Reset(first!.Value);
        Assert.Contains(await h.TickAndSendAsync(), r => r.Outcome == SendNudgeOutcome.Sent);
    }

    private static async Task<Instant?> NextDigestAsync(PipelineHarness h, string userId)
    {
        var schedule = await h.Schedule.UpcomingAsync(userId, h.Now, h.Now + Duration.FromDays(15));
        var digests = schedule.Where(n => n.Kind == NudgeKind.WeeklyDigest && n.Status == NudgeStatus.Scheduled).ToList();
        Assert.True(digests.Count <= 1, "more than one scheduled digest");
        return digests.Count == 0 ? null : digests[0].DueAt;
    }
}
