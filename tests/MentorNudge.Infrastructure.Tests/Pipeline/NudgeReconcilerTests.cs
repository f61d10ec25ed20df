using Azure;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

[Collection(AzuriteCollection.Name)]
public sealed class NudgeReconcilerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Reconcile_IndexRowLost_RepairsItAndTheNudgeIsSent()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        var stored = await h.NudgeAsync(userId, first);
        await h.Clients.DueIndex.DeleteEntityAsync(stored.IndexPartition, stored.IndexRow, ETag.All);
        await h.Dispatcher.DispatchDueAsync(h.Now);

        var report = await h.Reconciler.ReconcileAsync(h.Now);
        h.Clock.Advance(Duration.FromDays(5));
        await h.TickAndSendAsync();

        Assert.Equal(1, report.IndexRowsRepaired);
        Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(userId, first)).Nudge.Status);
    }

    [Fact]
    public async Task Reconcile_NudgeRowLost_ReplansIt()
    {
        var h = new PipelineHarness(azurite);
        var (userId, _, second) = (await Scenario.OutreachesAsync(h, 1))[0];
        await h.Clients.Data.DeleteEntityAsync(userId, StorageKeys.Nudge(second), ETag.All);

        var report = await h.Reconciler.ReconcileAsync(h.Now);

        Assert.Equal(1, report.NudgesAdded);
        Assert.Equal(NudgeStatus.Scheduled, (await h.NudgeAsync(userId, second)).Nudge.Status);
    }

    [Fact]
    public async Task Reconcile_QueuedMessageLost_RequeuesOverdueNudge()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        await h.Dispatcher.DispatchDueAsync(h.Now);
        h.Clock.Advance(Duration.FromDays(5));
        await h.Dispatcher.DispatchDueAsync(h.Now);
        await h.DrainNudgeQueueAsync(); // the message is lost
        h.Clock.Advance(Duration.FromHours(1));

        var report = await h.Reconciler.ReconcileAsync(h.Now);
        foreach (var m in await h.DrainNudgeQueueAsync())
        {
            await h.Sender.SendAsync(m);
        }

        Assert.Equal(1, report.Requeued);
        Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(userId, first)).Nudge.Status);
    }

    [Fact]
    public async Task Reconcile_HealthyUsers_RepairsNothing()
    {
        var h = new PipelineHarness(azurite);
        await Scenario.OutreachesAsync(h, 2);

        var report = await h.Reconciler.ReconcileAsync(h.Now);

        Assert.Equal(2, report.UsersChecked);
        Assert.Equal(new ReconcileReport(2, 0, 0, 0, 0, 0), report);
    }

    [Fact]
    public async Task Poison_ListAndReplay_MovesMessagesBack()
    {
        var h = new PipelineHarness(azurite);
        await h.Clients.EnsureCreatedAsync();
        var message = new NudgeMessage("u1", "fu-a1-1", 42).ToJson();
        await h.Clients.NudgePoisonQueue.SendMessageAsync(message);

        var listed = await h.Poison.ListAsync(h.Options.NudgeQueueName);
        var replayed = await h.Poison.ReplayAsync(h.Options.NudgeQueueName);

        Assert.Equal(message, Assert.Single(listed).Text);
        Assert.Equal(1, replayed);
        Assert.Empty(await h.Poison.ListAsync(h.Options.NudgeQueueName));
        Assert.Equal("fu-a1-1", Assert.Single(await h.DrainNudgeQueueAsync()).NudgeId);
    }
}
