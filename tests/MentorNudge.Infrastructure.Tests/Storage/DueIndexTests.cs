using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class DueIndexTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReadAsync_Window_ReturnsOnlyRowsInsideItAcrossBucketsAndShards()
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "di" + Guid.NewGuid().ToString("N")[..10] });
        var index = new DueIndex(clients);
        var t0 = Instant.FromUtc(2026, 5, 1, 9, 0);
        for (var i = 0; i < 40; i++)
        {
            var at = t0 + Duration.FromSeconds(15 * i); // 10 minutes of rows, every shard
            await index.WriteAsync("u1", $"n{i}", at, at);
        }

        var rows = await index.ReadAsync(t0 + Duration.FromMinutes(2), t0 + Duration.FromMinutes(5));

        Assert.Equal(Enumerable.Range(9, 12).Select(i => $"n{i}"), rows.Select(r => r.NudgeId));
        Assert.True(rows.Select(r => r.PartitionKey[^1]).Distinct().Count() > 1);
    }

    [Fact]
    public async Task WriteAsync_SameRowTwice_OneRow()
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "di" + Guid.NewGuid().ToString("N")[..10] });
        var index = new DueIndex(clients);
        var at = Instant.FromUtc(2026, 5, 1, 9, 0);

        await index.WriteAsync("u1", "n1", at, at);
        await index.WriteAsync("u1", "n1", at, at);

        Assert.Single(await index.ReadAsync(at - Duration.FromMinutes(1), at));
    }
}
