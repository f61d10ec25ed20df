using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

[Collection(AzuriteCollection.Name)]
public sealed class NudgeSenderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SendAsync_SameMessageTwice_SendsOneEmail()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        h.Clock.Advance(Duration.FromDays(5));
        var message = new NudgeMessage(userId, first, (await h.NudgeAsync(userId, first)).Nudge.DueAt.ToUnixTimeTicks());

        var one = await h.Sender.SendAsync(message);
        var two = await h.Sender.SendAsync(message);

        Assert.Equal(SendNudgeOutcome.Sent, one.Outcome);
        Assert.Equal(SendNudgeOutcome.AlreadyDone, two.Outcome);
        Assert.Single(h.Email.Attempts);
        var stored = await h.NudgeAsync(userId, first);
        Assert.Equal(NudgeStatus.Sent, stored.Nudge.Status);
        Assert.Equal(h.Now, stored.Nudge.SentAt);
        Assert.Equal("email", stored.Nudge.Channel);
        Assert.Equal("op-" + first, stored.ProviderMessageId);
        Assert.Equal(first, Assert.Single(h.Email.Attempts).MessageKey);
    }

    [Fact]
    public async Task SendAsync_EveryQueueMessageDeliveredTwice_OneEmailEach()
    {
        var h = new PipelineHarness(azurite);
        var users = await Scenario.OutreachesAsync(h, 3);
        h.Clock.Advance(Duration.FromDays(5));
        await h.Dispatcher.DispatchDueAsync(h.Now);
        var messages = await h.DrainNudgeQueueAsync();
        Assert.Equal(3, messages.Count);

        foreach (var m in messages.Concat(messages))
        {
            await h.Sender.SendAsync(m);
        }

        Assert.Equal(3, h.Email.Attempts.Count);
        Assert.Equal(users.Select(u => u.First).Order(), h.Email.Delivered.Keys.Order());
    }

    [Fact]
    public async Task SendAsync_TwoInstancesRacing_SendOneEmail()
    {
        var h = new PipelineHarness(azurite);
        var users = await Scenario.OutreachesAsync(h, 4);
        h.Clock.Advance(Duration.FromDays(5));

        foreach (var (userId, first, _) in users)
        {
            var message = new NudgeMessage(userId, first, (await h.NudgeAsync(userId, first)).Nudge.DueAt.ToUnixTimeTicks());
            var results = await Task.WhenAll(h.Sender.SendAsync(message), h.Sender.SendAsync(message), h.Sender.SendAsync(message));
            Assert.Equal(1, results.Count(r => r.Outcome == SendNudgeOutcome.Sent));
        }

        Assert.Equal(4, h.Email.Attempts.Count);
    }

    [Fact]
    public async Task SendAsync_ReplyAfterEnqueueBeforeSend_NotSent()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        h.Clock.Advance(Duration.FromDays(5));
        await h.Dispatcher.DispatchDueAsync(h.Now);
        var queued = await h.DrainNudgeQueueAsync();
        var export = await h.Users.ExportAsync(userId);

        await h.Interactions.LogReplyAsync(userId, export.People[0].Id);
        var result = await h.Sender.SendAsync(Assert.Single(queued));

        Assert.Equal(SendNudgeOutcome.AlreadyDone, result.Outcome);
        Assert.Empty(h.Email.Attempts);
        Assert.Equal(NudgeStatus.Cancelled, (await h.NudgeAsync(userId, first)).Nudge.Status);
    }

    [Fact]
    public async Task SendAsync_Throttled_RetryLaterAndReleasesTheClaim()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        h.Clock.Advance(Duration.FromDays(5));
        var message = new NudgeMessage(userId, first, (await h.NudgeAsync(userId, first)).Nudge.DueAt.ToUnixTimeTicks());
        h.Email.Script.Enqueue(EmailSendResult.Throttled(TimeSpan.FromSeconds(42)));

        var throttled = await h.Sender.SendAsync(message);
        var retried = await h.Sender.SendAsync(message);

        Assert.Equal(SendNudgeOutcome.RetryLater, throttled.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(42), throttled.RetryAfter);
        Assert.Equal(SendNudgeOutcome.Sent, retried.Outcome);
        Assert.Single(h.Email.Delivered);
    }

    [Fact]
    public async Task ProcessAsync_QuotaSaysWait_ReenqueuesInvisibleMessage()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        h.Clock.Advance(Duration.FromDays(5));
        await h.DrainNudgeQueueAsync();
        h.Quota.Waits.Enqueue(TimeSpan.FromMinutes(10));
        var message = new NudgeMessage(userId, first, (await h.NudgeAsync(userId, first)).Nudge.DueAt.ToUnixTimeTicks());

        var result = await h.Sender.ProcessAsync(message.ToJson());

        Assert.Equal(SendNudgeOutcome.RetryLater, result.Outcome);
        Assert.Equal("quota", result.Reason);
        Assert.Empty(h.Email.Attempts);
        var props = await h.Clients.NudgeQueue.GetPropertiesAsync();
        Assert.Equal(1, props.Value.ApproximateMessagesCount);
        Assert.Empty(await h.DrainNudgeQueueAsync()); // invisible for 10 minutes
    }

    [Fact]
    public async Task ProcessAsync_Malformed_Dropped()
    {
        var h = new PipelineHarness(azurite);

        var result = await h.Sender.ProcessAsync("{not json");

        Assert.Equal(SendNudgeOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_Vacation_SkippedWithReason()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        var user = await h.Users.GetAsync(userId);
        await h.Users.UpdateAsync(userId, user.Email, user.Settings with { VacationUntil = new LocalDate(2026, 3, 20) });
        h.Clock.Advance(Duration.FromDays(5));
        var message = new NudgeMessage(userId, first, (await h.NudgeAsync(userId, first)).Nudge.DueAt.ToUnixTimeTicks());

        var result = await h.Sender.SendAsync(message);

        Assert.Equal(SendNudgeOutcome.Skipped, result.Outcome);
        Assert.Equal("vacation", result.Reason);
        Assert.Empty(h.Email.Attempts);
        Assert.Equal("vacation", (await h.NudgeAsync(userId, first)).Nudge.Reason);
    }

    [Fact]
    public async Task SendAsync_PersonSnoozed_Skipped()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        var person = (await h.People.ListAsync(userId))[0];
        await h.People.SnoozeAsync(userId, person.Id, h.Now + Duration.FromDays(30));
        h.Clock.Advance(Duration.FromDays(5));
        var message = new NudgeMessage(userId, first, (await h.NudgeAsync(userId, first)).Nudge.DueAt.ToUnixTimeTicks());

        var result = await h.Sender.SendAsync(message);

        Assert.Equal("person-snoozed", result.Reason);
        Assert.Empty(h.Email.Attempts);
    }

    [Fact]
    public async Task SendAsync_DigestOverdueMoreThanADay_CollapsedNotSent()
    {
        var h = new PipelineHarness(azurite);
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var due = h.Now + Duration.FromHours(1);
        var (userId, _) = await h.UserWithPersonAsync();
        var id = NudgeIds.WeeklyDigest(userId, due.InZone(zone).Date);
        h.Planner.Extra.Add(new PlannedNudge(id, NudgeKind.WeeklyDigest, null, null, 0, due, due.InZone(zone)));
        await h.Scheduler.ReplanAsync(userId);
        await h.Dispatcher.DispatchDueAsync(h.Now); // the last tick before two days of downtime
        h.Clock.Advance(Duration.FromDays(2));

        var results = await h.TickAndSendAsync();

        Assert.Equal("collapsed-overdue", Assert.Single(results).Reason);
        Assert.Empty(h.Email.Attempts);
        Assert.Equal(NudgeStatus.Skipped, (await h.NudgeAsync(userId, id)).Nudge.Status);
    }

    [Fact]
    public async Task SendAsync_WebhookConfigured_EnqueuesWebhookDelivery()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, _) = (await Scenario.OutreachesAsync(h, 1))[0];
        var user = await h.Users.GetAsync(userId);
        await h.Users.UpdateAsync(userId, user.Email, user.Settings with { Webhook = new WebhookSettings(new Uri("https://hooks.example.com/a"), WebhookFormat.Generic, "webhook-secret-0123456789") });
        h.Clock.Advance(Duration.FromDays(5));

        await h.TickAndSendAsync();

        var received = await h.Clients.WebhookQueue.ReceiveMessageAsync();
        var hook = WebhookMessage.Parse(received.Value.Body.ToString());
        Assert.Equal(first, hook.NudgeId);
        Assert.Equal(WebhookMessage.NudgeSent, hook.Event);
    }

    [Fact]
    public async Task RecordDeliveryReport_BouncedForItsRecipient_MarksUndeliverableAndCancelsFutureNudges()
    {
        var h = new PipelineHarness(azurite);
        var (userId, first, second) = (await Scenario.OutreachesAsync(h, 1))[0];
        h.Clock.Advance(Duration.FromDays(5));
        await h.TickAndSendAsync();

        var address = (await h.Users.GetAsync(userId)).Email;
        Assert.False(await h.DeliveryReports.RecordAsync("op-" + first, "someone.else@example.org", "Bounced"));
        Assert.False((await h.Users.GetAsync(userId)).EmailUndeliverable);
        Assert.True(await h.DeliveryReports.RecordAsync("op-" + first, address.ToUpperInvariant(), "Bounced"));

        Assert.True((await h.Users.GetAsync(userId)).EmailUndeliverable);
        Assert.Equal("Bounced", (await h.NudgeAsync(userId, first)).Nudge.DeliveryStatus);
        Assert.Equal(NudgeStatus.Cancelled, (await h.NudgeAsync(userId, second)).Nudge.Status);
        Assert.False(await h.DeliveryReports.RecordAsync("op-unknown", address, "Delivered"));
    }
}
