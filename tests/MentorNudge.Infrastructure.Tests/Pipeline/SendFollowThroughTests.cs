using Azure.Core;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tests.Storage;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>What follows a recorded send (webhook, delivery map) is not lost to a failure; sends are capped.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendFollowThroughTests(AzuriteFixture azurite)
{
    private static async Task<(PipelineHarness H, string UserId, NudgeMessage Message)> DueWithWebhookAsync(AzuriteFixture azurite)
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        var user = await h.Users.GetAsync(userId);
        await h.Users.UpdateAsync(userId, user.Email, user.Settings with { Webhook = new WebhookSettings(new Uri("https://hooks.example.com/a"), WebhookFormat.Generic, "webhook-secret-0123456789") });
        h.Clock.Advance(Duration.FromDays(5));
        return (h, userId, new NudgeMessage(userId, first, (await h.NudgeAsync(userId, first)).Nudge.DueAt.ToUnixTimeTicks()));
    }

    [Fact]
    public async Task SendAsync_DeliveryMapWriteFailsAfterSend_RedeliveryWritesIt()
    {
        var (h, userId, message) = await DueWithWebhookAsync(azurite);
        h.Faults.Crash((s, r) => s == "table" && r.Method != RequestMethod.Get && r.Uri.Path.Contains("deliveries", StringComparison.Ordinal));

        await Assert.ThrowsAsync<InjectedCrashException>(() => h.Sender.SendAsync(message));
        var again = await h.Sender.SendAsync(message);

        Assert.Equal(SendNudgeOutcome.AlreadyDone, again.Outcome);
        Assert.Single(h.Email.Attempts);
        var email = (await h.Users.GetAsync(userId)).Email;
        Assert.Equal((userId, message.NudgeId), await h.Deliveries.FindAsync("op-" + message.NudgeId, email));
    }

    [Fact]
    public async Task SendAsync_WebhookEnqueueFailsAfterSend_RedeliveryEnqueuesIt()
    {
        var (h, _, message) = await DueWithWebhookAsync(azurite);
        h.Faults.Crash((s, r) => s == "queue" && r.Method == RequestMethod.Post && r.Uri.Path.Contains(h.Options.WebhookQueueName, StringComparison.Ordinal));

        await Assert.ThrowsAsync<InjectedCrashException>(() => h.Sender.SendAsync(message));
        var again = await h.Sender.SendAsync(message);

        Assert.Equal(SendNudgeOutcome.AlreadyDone, again.Outcome);
        Assert.Single(h.Email.Attempts);
        var received = await h.Clients.WebhookQueue.ReceiveMessageAsync();
        Assert.Equal(message.NudgeId, WebhookMessage.Parse(received.Value.Body.ToString()).NudgeId);
    }

    [Fact]
    public async Task SendAsync_DuplicateMessageAfterCompleteSend_NoSecondWebhook()
    {
        var (h, _, message) = await DueWithWebhookAsync(azurite);

        await h.Sender.SendAsync(message);
        await h.Sender.SendAsync(message);

        var received = await h.Clients.WebhookQueue.ReceiveMessagesAsync(10);
        Assert.Single(received.Value);
    }

    [Fact]
    public async Task SendAsync_AttemptsExhausted_FailedWithoutSending()
    {
        var (h, userId, message) = await DueWithWebhookAsync(azurite);
        var stored = await h.NudgeAsync(userId, message.NudgeId);
        await h.Data.WriteNudgeAsync(stored with { Attempts = NudgeSender.MaxSendAttempts }, stored.ETag);

        var result = await h.Sender.SendAsync(message);

        Assert.Equal(SendNudgeOutcome.Failed, result.Outcome);
        Assert.Empty(h.Email.Attempts);
        var after = (await h.NudgeAsync(userId, message.NudgeId)).Nudge;
        Assert.Equal(NudgeStatus.Failed, after.Status);
        Assert.Equal("too-many-attempts", after.Reason);
    }
}
