using System.Net;
using MentorNudge.Core.Model;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Webhooks;

/// <summary>The "send a test event" button's sender, on Azurite's delivery log.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookTestSenderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SendAsync_TwiceAtOneInstant_TwoDeliveriesLoggedUnderTheirOwnIds()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 1, 9, 0)); // a virtual clock that does not move
        var prefix = "wt" + Guid.NewGuid().ToString("N")[..10];
        var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
        var table = clients.TableService.GetTableClient(prefix + WebhookDeliveryLog.TableName);
        await table.CreateIfNotExistsAsync();
        var log = new WebhookDeliveryLog(table);
        var receiver = new Receiver();
        var sender = new WebhookTestSender(new WebhookDeliverer(receiver, clock, NullLogger<WebhookDeliverer>.Instance), log, clock);
        var hook = new WebhookSettings(new Uri("https://hooks.example.test/in"), WebhookFormat.Generic, "whsec_test_secret_0123456789");

        var first = await sender.SendAsync("u1", hook);
        var second = await sender.SendAsync("u1", hook);

        Assert.NotEqual(first.DeliveryId, second.DeliveryId);
        Assert.StartsWith("wh-test-", first.DeliveryId);
        Assert.Equal(2, receiver.Count);
        var logged = (await log.ListAsync("u1")).Select(r => r.DeliveryId).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { first.DeliveryId, second.DeliveryId }.Order(StringComparer.Ordinal), logged);
    }

    private sealed class Receiver : HttpMessageHandler, IHttpClientFactory
    {
        private int count;

        public int Count => count;

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
