using MentorNudge.Infrastructure.Tests.Azurite;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>
/// Storage requests (HTTP attempts counted by the pipeline policy) per delivered and per
/// cancelled follow-up. Queue receive/delete done by the host's trigger are not ours and are
/// counted apart. See docs/architecture.md for the table.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationBudgetTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DeliveredFollowUp_DispatchAndSend_AtMostSixRequestsPlusThreePerTick()
    {
        var h = new PipelineHarness(azurite);
        var users = await Scenario.OutreachesAsync(h, 3);
        await h.Dispatcher.DispatchDueAsync(h.Now);
        await h.DrainNudgeQueueAsync();
        h.Clock.Advance(Duration.FromDays(5));

        h.Counter.Reset();
        var report = await h.Dispatcher.DispatchDueAsync(h.Now);
        var dispatch = h.Counter.Total;
        var messages = await h.DrainNudgeQueueAsync();
        h.Counter.Reset();
        foreach (var m in messages)
        {
            await h.Sender.SendAsync(m);
        }

        var send = h.Counter.Total;

        Assert.Equal(3, report.Enqueued);
        // Per tick: checkpoint read, one index range query, checkpoint write. Per nudge: point read + enqueue.
        Assert.Equal(3 + (2 * users.Count), dispatch);
        // Per nudge: partition load, claim, record, delivery map (the re-plan finds nothing to write).
        Assert.Equal(4 * users.Count, send);
        var perDelivered = ((dispatch - 3) + send) / users.Count;
        Assert.True(perDelivered <= 6, $"{perDelivered} requests per delivered follow-up");
    }

    [Fact]
    public async Task CancelledFollowUp_ReplyAndLaterDispatch_AtMostThreeRequestsEach()
    {
        var h = new PipelineHarness(azurite);
        var (userId, _, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        await h.Dispatcher.DispatchDueAsync(h.Now);
        var personId = (await h.People.ListAsync(userId))[0].Id;

        h.Counter.Reset();
        var reply = await h.Interactions.LogReplyAsync(userId, personId);
        var cancelling = h.Counter.Total;

        h.Clock.Advance(Duration.FromDays(13));
        h.Counter.Reset();
        var tick = await h.Dispatcher.DispatchDueAsync(h.Now);
        var skipping = h.Counter.Total - 3;

        Assert.Equal(2, reply.CancelledFollowUps);
        Assert.Equal(2, cancelling); // partition load + one transaction (ask answered + both cancels)
        Assert.Equal(2, tick.Skipped);
        Assert.Equal(2, skipping); // one point read per stale index row
        var perCancelled = (cancelling + skipping) / reply.CancelledFollowUps;
        Assert.True(perCancelled <= 3, $"{perCancelled} requests per cancelled follow-up");
    }
}
