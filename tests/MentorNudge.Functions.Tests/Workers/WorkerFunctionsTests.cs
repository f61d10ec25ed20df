using System.Net;
using System.Text.Json;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Functions.Tests.Infrastructure;
using MentorNudge.Functions.Workers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MentorNudge.Functions.Tests.Workers;

[Collection(StorageCollection.Name)]
public sealed class WorkerFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DispatchDueThenSendNudge_FollowUpDue_OneEmailWithNudgeHeaders()
    {
        await using var h = new FunctionsHarness(azurite);
        var (_, _, due) = await h.UserWithOutreachAsync();
        h.Clock.Reset(due + Duration.FromMinutes(1));

        await h.Create<DispatchDue>().Run(new TimerInfo(), CancellationToken.None);
        var messages = await FunctionsHarness.DrainAsync(h.Clients.NudgeQueue);
        foreach (var message in messages.Concat(messages))
        {
            // Each message handled twice, as at-least-once delivery allows.
            await h.Create<SendNudge>().Run(message, CancellationToken.None);
        }

        var email = Assert.Single(h.Email.Delivered.Values);
        Assert.Equal("followUp", email.Headers["X-MentorNudge-Kind"]);
    }

    [Fact]
    public async Task SendNudge_EmailThrottled_PutBackOnQueueWithoutThrowing()
    {
        await using var h = new FunctionsHarness(azurite);
        var (_, _, due) = await h.UserWithOutreachAsync();
        h.Clock.Reset(due + Duration.FromMinutes(1));
        await h.Create<DispatchDue>().Run(new TimerInfo(), CancellationToken.None);
        var message = Assert.Single(await FunctionsHarness.DrainAsync(h.Clients.NudgeQueue));
        h.Email.Script.Enqueue(MentorNudge.Infrastructure.Email.EmailSendResult.Throttled(TimeSpan.FromSeconds(30)));

        await h.Create<SendNudge>().Run(message, CancellationToken.None);

        Assert.Empty(h.Email.Delivered);
        var properties = await h.Clients.NudgeQueue.GetPropertiesAsync();
        Assert.Equal(1, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task DeliverWebhook_AfterSend_SignedSlackPostRecordedAsDelivered()
    {
        const string secret = "whsec_functions_test_0123456789";
        await using var h = new FunctionsHarness(azurite);
        var (userId, _, due) = await h.UserWithOutreachAsync(secret);
        h.Clock.Reset(due + Duration.FromMinutes(1));
        await h.Create<DispatchDue>().Run(new TimerInfo(), CancellationToken.None);
        foreach (var m in await FunctionsHarness.DrainAsync(h.Clients.NudgeQueue))
        {
            await h.Create<SendNudge>().Run(m, CancellationToken.None);
        }

        var hook = Assert.Single(await FunctionsHarness.DrainAsync(h.Clients.WebhookQueue));
        await h.Create<DeliverWebhook>().Run(hook, CancellationToken.None);

        var (signature, body) = Assert.Single(h.Receiver.Received);
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(signature, body, secret, h.Clock.GetCurrentInstant()));
        using var doc = JsonDocument.Parse(body);
        Assert.True(doc.RootElement.TryGetProperty("blocks", out _));
        var record = Assert.Single(await h.Services.GetRequiredService<WebhookDeliveryLog>().ListAsync(userId));
        Assert.Equal("delivered", record.Status);
    }

    [Fact]
    public async Task DeliverWebhook_ReceiverDown_ReEnqueuedWithAttemptAndRecordedAsRetrying()
    {
        const string secret = "whsec_functions_test_0123456789";
        await using var h = new FunctionsHarness(azurite);
        var (userId, _, due) = await h.UserWithOutreachAsync(secret);
        h.Clock.Reset(due + Duration.FromMinutes(1));
        await h.Create<DispatchDue>().Run(new TimerInfo(), CancellationToken.None);
        foreach (var m in await FunctionsHarness.DrainAsync(h.Clients.NudgeQueue))
        {
            await h.Create<SendNudge>().Run(m, CancellationToken.None);
        }

        var hook = Assert.Single(await FunctionsHarness.DrainAsync(h.Clients.WebhookQueue));
        h.Receiver.Status = HttpStatusCode.ServiceUnavailable;

        await h.Create<DeliverWebhook>().Run(hook, CancellationToken.None);

        var record = Assert.Single(await h.Services.GetRequiredService<WebhookDeliveryLog>().ListAsync(userId));
        Assert.Equal("retrying", record.Status);
        Assert.Equal(1, record.Attempts);
        var properties = await h.Clients.WebhookQueue.GetPropertiesAsync();
        Assert.Equal(1, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Reconcile_EventIdsOlderThanADay_Forgotten()
    {
        await using var h = new FunctionsHarness(azurite);
        await h.UserWithOutreachAsync();
        var events = h.Services.GetRequiredService<WebhookEventLog>();
        Assert.True(await events.TryRememberAsync("u1", "evt-old"));
        h.Clock.Advance(Duration.FromDays(2));
        Assert.True(await events.TryRememberAsync("u1", "evt-new"));

        await h.Create<Reconcile>().Run(new TimerInfo(), CancellationToken.None);

        Assert.True(await events.TryRememberAsync("u1", "evt-old"));
        Assert.False(await events.TryRememberAsync("u1", "evt-new"));
    }
}
