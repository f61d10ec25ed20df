using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace MentorNudge.Infrastructure.Tests.Azurite;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Fixture_TableAndQueue_RoundTrip()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });
        var entity = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42, entity.Value.GetInt32("Value"));

        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");
        var received = await queue.ReceiveMessageAsync();
        Assert.Equal("hello", received.Value.MessageText);
    }
}
