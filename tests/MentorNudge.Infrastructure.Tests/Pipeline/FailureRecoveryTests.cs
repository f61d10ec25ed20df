using Azure.Core;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>Crashes after each step of dispatch and send, and storage outages: nothing lost, nothing sent twice.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailureRecoveryTests(AzuriteFixture azurite)
{
    public static TheoryData<string> Steps => new()
    {
        "dispatch-before-index-read",
        "dispatch-before-enqueue",
        "dispatch-after-enqueue-before-cursor",
        "send-before-load",
        "send-before-claim",
        "send-after-claim-before-send",
        "send-after-send-before-record",
        "send-after-record-before-delivery-map",
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task RunUntilQuiet_CrashAfterStep_EveryDueNudgeSentExactlyOnce(string step)
    {
        var h = new PipelineHarness(azurite);
        var users = await Scenario.OutreachesAsync(h, 3);
        await h.DrainNudgeQueueAsync();
        await h.Dispatcher.DispatchDueAsync(h.Now);
        h.Clock.Advance(Duration.FromDays(5) + Duration.FromMinutes(1));
        var prefix = h.Options.TablePrefix;
        bool Table(string service, Request r, string table) => service == "table" && r.Uri.Path.Contains("/" + prefix + table, StringComparison.Ordinal);
        bool Write(Request r) => r.Method != RequestMethod.Get;

        switch (step)
        {
            case "dispatch-before-index-read":
                h.Faults.Crash((s, r) => Table(s, r, "dueindex") && !Write(r));
                break;
            case "dispatch-before-enqueue":
                h.Faults.Crash((s, r) => s == "queue" && r.Method == RequestMethod.Post);
                break;
            case "dispatch-after-enqueue-before-cursor":
                h.Faults.Crash((s, r) => Table(s, r, "checkpoints") && Write(r));
                break;
            case "send-before-load":
                h.Faults.Crash((s, r) => Table(s, r, "data") && !Write(r) && r.Uri.Query.Contains("filter", StringComparison.OrdinalIgnoreCase));
                break;
            case "send-before-claim":
                h.Faults.Crash((s, r) => Table(s, r, "data") && Write(r));
                break;
            case "send-after-claim-before-send":
                h.Email.CrashesBeforeSend = 1;
                break;
            case "send-after-send-before-record":
                h.Email.AfterSend = _ =>
                {
                    h.Email.AfterSend = null;
                    h.Faults.Crash((s, r) => Table(s, r, "data") && Write(r));
                };
                break;
            case "send-after-record-before-delivery-map":
                h.Faults.Crash((s, r) => Table(s, r, "deliveries") && Write(r));
                break;
        }

        await Scenario.RunUntilQuietAsync(h);

        Assert.True(h.Faults.Injected > 0 || step == "send-after-claim-before-send", "the fault was never injected");
        foreach (var (userId, first, second) in users)
        {
            Assert.Equal(NudgeStatus.Sent, (await h.NudgeAsync(userId, first)).Nudge.Status);
            Assert.Equal(NudgeStatus.Scheduled, (await h.NudgeAsync(userId, second)).Nudge.Status);
        }

        // Exactly one email per nudge reached the recipient. The provider is asked twice only when
        // the crash fell between its acceptance and our record; it dedupes on the message key.
        Assert.Equal(users.Select(u => u.First).Order(), h.Email.Delivered.Keys.Order());
        var maxAttempts = step == "send-after-send-before-record" ? 4 : 3;
        Assert.InRange(h.Email.Attempts.Count, 3, maxAttempts);
    }

    [Fact]
    public async Task DispatchDue_StorageOutageOverATick_NextTickCatchesUpWithoutLoss()
    {
        var h = new PipelineHarness(azurite);
        var users = await Scenario.OutreachesAsync(h, 3);
        await h.Dispatcher.DispatchDueAsync(h.Now);
        h.Clock.Advance(Duration.FromDays(5));

        h.Faults.Fail503((_, _) => true);
        await Assert.ThrowsAnyAsync<Exception>(() => h.Dispatcher.DispatchDueAsync(h.Now));
        h.Clock.Advance(Duration.FromMinutes(1));
        await Assert.ThrowsAnyAsync<Exception>(() => h.Dispatcher.DispatchDueAsync(h.Now));
        h.Faults.Disarm();
        h.Clock.Advance(Duration.FromMinutes(1));

        var catchUp = await h.Dispatcher.DispatchDueAsync(h.Now);
        foreach (var m in await h.DrainNudgeQueueAsync())
        {
            await h.Sender.SendAsync(m);
        }

        Assert.Equal(3, catchUp.Enqueued);
        Assert.Equal(users.Select(u => u.First).Order(), h.Email.Delivered.Keys.Order());
        Assert.Equal(3, h.Email.Attempts.Count);
    }

    [Fact]
    public async Task SendAsync_TransientStorageErrors_RetriedBySdk()
    {
        var h = new PipelineHarness(azurite);
        var users = await Scenario.OutreachesAsync(h, 1);
        h.Clock.Advance(Duration.FromDays(5));
        h.Faults.Fail503((s, r) => s == "table" && r.Method != RequestMethod.Get, count: 2);
        await h.TickAndSendAsync();

        Assert.Equal(2, h.Faults.Injected);
        Assert.Equal(users[0].First, Assert.Single(h.Email.Delivered).Key);
    }
}
