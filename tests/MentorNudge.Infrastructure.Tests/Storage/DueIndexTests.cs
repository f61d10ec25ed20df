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

    [Fact]
    public async Task PurgeBeforeAsync_ManyRowsInOnePartitionAndOthers_DeletesOnlyEarlierMinutes()
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "di" + Guid.NewGuid().ToString("N")[..10] });
        var index = new DueIndex(clients);
        var t0 = Instant.FromUtc(2026, 5, 1, 9, 0);

        // 600 rows in the 09:00 minute (about 150 in each of its four shards: more than one
        // transaction per partition), and one row in each later minute.
        for (var i = 0; i < 600; i++)
        {
            await index.WriteAsync("u1", $"early{i}", t0, t0 + Duration.FromMilliseconds(i));
        }

        for (var m = 1; m <= 5; m++)
        {
            await index.WriteAsync("u2", $"later{m}", t0 + Duration.FromMinutes(m), t0 + Duration.FromMinutes(m));
        }

        var purged = await index.PurgeBeforeAsync(t0 + Duration.FromMinutes(3) + Duration.FromSeconds(30));

        Assert.Equal(602, purged); // the 600 of 09:00 and those of 09:01 and 09:02; 09:03 is the horizon's own minute
        var left = await index.ReadAsync(t0 - Duration.FromDays(1), t0 + Duration.FromDays(1));
        Assert.Equal(["later3", "later4", "later5"], left.Select(r => r.NudgeId));
        Assert.Equal(0, await index.PurgeBeforeAsync(t0 + Duration.FromMinutes(3)));
    }

    [Fact]
    public async Task DeleteAsync_RowGoneAlready_IsFine()
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "di" + Guid.NewGuid().ToString("N")[..10] });
        var index = new DueIndex(clients);
        var at = Instant.FromUtc(2026, 5, 1, 9, 0);
        var entry = await index.WriteAsync("u1", "n1", at, at);

        await index.DeleteAsync(entry.PartitionKey, entry.RowKey);
        await index.DeleteAsync(entry.PartitionKey, entry.RowKey);

        Assert.False(await index.ExistsAsync(entry.PartitionKey, entry.RowKey));
    }
}
