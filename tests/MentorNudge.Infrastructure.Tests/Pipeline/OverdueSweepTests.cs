using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>Issue 13, bug 2: a nudge whose message died after the cursor moved is found again by the sweep.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OverdueSweepTests(AzuriteFixture azurite)
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 8, 0);

    /// <summary>A user without the weekly digest, with one person: only the follow-ups are due.</summary>
    private static async Task<(string UserId, string PersonId)> UserWithPersonAsync(PipelineHarness h)
    {
        var settings = PipelineHarness.Settings();
        var created = await h.Users.CreateAsync("ada@example.com", settings with { WeeklyDigest = settings.WeeklyDigest with { Enabled = false } });
        var person = await h.People.AddAsync(created.UserId, new PersonDraft("Grace Hopper", ["grace@example.com"]));
        return (created.UserId, person.Id);
    }

    /// <summary>
    /// An outreach logged, the sweep's cursor set (with <paramref name="grace"/>), then the clock at
    /// the first follow-up's due instant and the dispatcher's tick that enqueued it.
    /// </summary>
    private async Task<(PipelineHarness H, string UserId, ScheduledNudge First)> FirstFollowUpDispatchedAsync(Duration grace)
    {
        var h = new PipelineHarness(azurite, Start, realEngine: true);
        var (userId, personId) = await UserWithPersonAsync(h);
        var outreach = await h.Outreach.LogAsync(userId, personId, new OutreachDraft(Text: "Could we talk for 15 minutes about X?"));
        var first = outreach.FollowUps[0];
        await h.Dispatcher.DispatchDueAsync(h.Now);
        await h.Sweep.SweepAsync(h.Now, grace); // first run: sets the sweep's cursor
        h.Clock.Reset(first.DueAt);
        await h.Dispatcher.DispatchDueAsync(h.Now);
        return (h, userId, first);
    }

    [Fact]
    public async Task SweepAsync_MessageLostAfterDispatch_ReenqueuedOnceAfterGraceAndSentOnce()
    {
        var (h, userId, first) = await FirstFollowUpDispatchedAsync(OverdueSweep.Grace);

        // Due, dispatched (cursor moved), then the message dies with the process that held it.
        Assert.Contains(await h.DrainNudgeQueueAsync(), m => m.NudgeId == first.NudgeId);
        Assert.Empty(await h.TickAndSendAsync());

        h.Clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(0, await h.Sweep.SweepAsync(h.Now, OverdueSweep.Grace)); // within the grace: maybe still in flight
        h.Clock.Advance(Duration.FromMinutes(6));
        Assert.Equal(1, await h.Sweep.SweepAsync(h.Now, OverdueSweep.Grace));
        Assert.Equal(0, await h.Sweep.SweepAsync(h.Now, OverdueSweep.Grace)); // each row is swept once

        var results = await h.TickAndSendAsync();
        Assert.Equal([SendNudgeOutcome.Sent], results.Select(r => r.Outcome));
        Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(userId, first.NudgeId)).Nudge.Status);
        Assert.Single(h.Email.Attempts, m => m.MessageKey == first.NudgeId);
    }

    /// <summary>
    /// Found by the model-based test: a process died holding a nudge's lease; the sweep enqueued it
    /// with a delay in queue time and moved on, so under a virtual clock (or if that message was
    /// lost too) nothing ever came back for it. Now the sweep holds its cursor before a leased row.
    /// </summary>
    [Fact]
    public async Task SweepAsync_NudgeLeasedByADeadProcess_SweptOnceTheLeaseIsOver()
    {
        var (h, userId, first) = await FirstFollowUpDispatchedAsync(Duration.Zero);

        // Due and dispatched; the process that took the message claims the nudge and dies before recording it.
        var message = Assert.Single(await h.DrainNudgeQueueAsync(), m => m.NudgeId == first.NudgeId);
        var dataWrites = 0;
        h.Faults.Crash((s, r) => s == "table" && r.Method != Azure.Core.RequestMethod.Get && r.Uri.Path.Contains("data", StringComparison.Ordinal) && ++dataWrites == 2);
        await Assert.ThrowsAnyAsync<Exception>(() => h.Sender.ProcessAsync(message.ToJson()));
        Assert.NotNull((await h.NudgeAsync(userId, first.NudgeId)).LeaseUntil);

        h.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(0, await h.Sweep.SweepAsync(h.Now, Duration.Zero)); // leased: maybe a live send
        Assert.Empty(await h.DrainNudgeQueueAsync());

        h.Clock.Advance(NudgeSender.LeaseDuration);
        Assert.Equal(1, await h.Sweep.SweepAsync(h.Now, Duration.Zero)); // the lease is over: the same row again
        Assert.Equal([SendNudgeOutcome.Sent], (await h.TickAndSendAsync()).Select(r => r.Outcome));
        Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(userId, first.NudgeId)).Nudge.Status);
    }

    /// <summary>
    /// Found by the model-based test: with no grace (the virtual clock), the sweep's cursor stood at
    /// now, and a nudge planned overdue at that same instant (picked up "now") was behind it for
    /// good once its one direct message was lost.
    /// </summary>
    [Fact]
    public async Task SweepAsync_RowWrittenAtTheSweptInstant_SweptOnTheNextRun()
    {
        var h = new PipelineHarness(azurite, Start, realEngine: true);
        var settings = PipelineHarness.Settings();
        var created = await h.Users.CreateAsync("bo@example.com", settings); // digest Mondays 08:00, from next week
        h.Clock.Reset(Start + Duration.FromHours(1));
        await h.Dispatcher.DispatchDueAsync(h.Now);
        await h.Sweep.SweepAsync(h.Now, Duration.Zero);

        // At the same instant: the digest moves to 08:30 today, which has passed, so it is due at
        // once (collapse) and picked up "now"; its one direct message is lost.
        await h.Users.UpdateAsync(created.UserId, "bo@example.com", settings with { WeeklyDigest = settings.WeeklyDigest with { Time = new LocalTime(8, 30) } });
        var digest = Assert.Single(await h.DrainNudgeQueueAsync());
        Assert.Equal(Start + Duration.FromMinutes(30), (await h.NudgeAsync(created.UserId, digest.NudgeId)).Nudge.DueAt);

        h.Clock.Advance(Duration.FromMinutes(1));
        await h.Dispatcher.DispatchDueAsync(h.Now); // its cursor was at that instant already
        Assert.Empty(await h.DrainNudgeQueueAsync());
        Assert.Equal(1, await h.Sweep.SweepAsync(h.Now, Duration.Zero));
        Assert.Equal([SendNudgeOutcome.Sent], (await h.TickAndSendAsync()).Select(r => r.Outcome));
        Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(created.UserId, digest.NudgeId)).Nudge.Status);
    }

    [Fact]
    public async Task SweepAsync_NudgesAlreadySentOrAhead_EnqueuesNothing()
    {
        var h = new PipelineHarness(azurite, Start, realEngine: true);
        var (userId, personId) = await UserWithPersonAsync(h);
        var outreach = await h.Outreach.LogAsync(userId, personId, new OutreachDraft(Text: "Could we talk for 15 minutes about X?"));
        await h.Dispatcher.DispatchDueAsync(h.Now);

        h.Clock.Reset(outreach.FollowUps[0].DueAt);
        Assert.Contains(await h.TickAndSendAsync(), r => r.Outcome == SendNudgeOutcome.Sent);
        h.Clock.Advance(Duration.FromHours(1));

        // The first follow-up is Sent, the second not yet picked up by the dispatcher: nothing to repair.
        Assert.Equal(0, await h.Sweep.SweepAsync(h.Now, OverdueSweep.Grace));
        Assert.Empty(await h.DrainNudgeQueueAsync());
        Assert.Equal(NudgeStatus.Scheduled, (await h.NudgeAsync(userId, outreach.FollowUps[1].NudgeId)).Nudge.Status);
    }
}
