using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

[Collection(AzuriteCollection.Name)]
public sealed class NudgeDispatcherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DispatchDue_SecondRunInARow_EnqueuesNothingNew()
    {
        var h = new PipelineHarness(azurite);
        await Scenario.OutreachesAsync(h, 2);
        h.Clock.Advance(Duration.FromDays(5));

        var first = await h.Dispatcher.DispatchDueAsync(h.Now);
        var second = await h.Dispatcher.DispatchDueAsync(h.Now);

        Assert.Equal(2, first.Enqueued);
        Assert.True(first.CursorAdvanced);
        Assert.Equal(0, second.Enqueued);
        Assert.Equal(2, (await h.DrainNudgeQueueAsync()).Count);
    }

    [Fact]
    public async Task DispatchDue_TwoTicksAtOnce_EveryNudgeSentOnce()
    {
        var h = new PipelineHarness(azurite);
        var users = await Scenario.OutreachesAsync(h, 3);
        h.Clock.Advance(Duration.FromDays(5));

        await Task.WhenAll(h.Dispatcher.DispatchDueAsync(h.Now), h.Dispatcher.DispatchDueAsync(h.Now));
        foreach (var m in await h.DrainNudgeQueueAsync())
        {
            await h.Sender.SendAsync(m);
        }

        Assert.Equal(3, h.Email.Attempts.Count);
        Assert.Equal(users.Select(u => u.First).Order(), h.Email.Delivered.Keys.Order());
    }

    [Fact]
    public async Task DispatchDue_DueInTheSameSecondAsTheTick_Enqueued()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        var due = (await h.NudgeAsync(userId, first)).Nudge.DueAt;
        await h.Dispatcher.DispatchDueAsync(due - Duration.FromSeconds(1));

        var report = await h.Dispatcher.DispatchDueAsync(due);

        Assert.Equal(1, report.Enqueued);
        Assert.Equal(first, Assert.Single(await h.DrainNudgeQueueAsync()).NudgeId);
    }

    [Fact]
    public async Task DispatchDue_OneTickBeforeDue_NothingEnqueued()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        var due = (await h.NudgeAsync(userId, first)).Nudge.DueAt;

        var report = await h.Dispatcher.DispatchDueAsync(due - Duration.FromTicks(1));

        Assert.Equal(0, report.Enqueued);
    }

    [Fact]
    public async Task DispatchDue_FollowUpMoreThanSevenDaysOut_SentOnItsDayOnly()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, second) = (await Scenario.OutreachesAsync(h, 1))[0];

        h.Clock.Advance(Duration.FromDays(5));
        await h.TickAndSendAsync();
        h.Clock.Advance(Duration.FromDays(6) + Duration.FromHours(23));
        await h.TickAndSendAsync();
        Assert.Equal([first], h.Email.Delivered.Keys);

        h.Clock.Advance(Duration.FromHours(1));
        await h.TickAndSendAsync();

        Assert.Equal(new[] { first, second }.Order(), h.Email.Delivered.Keys.Order());
        Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(userId, second)).Nudge.Status);
    }

    [Fact]
    public async Task DispatchDue_RescheduledNudge_OldIndexRowSkipped()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        h.Planner.First = Duration.FromDays(6);
        await h.Scheduler.ReplanAsync(userId);

        h.Clock.Advance(Duration.FromDays(5));
        var atOldDue = await h.Dispatcher.DispatchDueAsync(h.Now);
        h.Clock.Advance(Duration.FromDays(1));
        var atNewDue = await h.Dispatcher.DispatchDueAsync(h.Now);

        Assert.Equal(0, atOldDue.Enqueued);
        Assert.Equal(1, atOldDue.Skipped);
        Assert.Equal(1, atNewDue.Enqueued);
        Assert.Equal(first, Assert.Single(await h.DrainNudgeQueueAsync()).NudgeId);
    }

    [Fact]
    public async Task Replan_OverdueOutreach_EnqueuedDirectlyWithoutWaitingForATick()
    {
        var h = new PipelineHarness(azurite);
        var (userId, personId) = await h.UserWithPersonAsync();

        var outreach = await h.Outreach.LogAsync(userId, personId, new OutreachDraft(SentAt: h.Now - Duration.FromDays(6)));

        var queued = await h.DrainNudgeQueueAsync();
        Assert.Equal(outreach.FollowUps[0].NudgeId, Assert.Single(queued).NudgeId);
    }

    [Fact]
    public async Task Replan_SamePlanTwice_WritesNothing()
    {
        var h = new PipelineHarness(azurite);
        var (userId, _, _) = (await Scenario.OutreachesAsync(h, 1))[0];

        var again = await h.Scheduler.ReplanAsync(userId);

        Assert.False(again.Changed);
    }
}
