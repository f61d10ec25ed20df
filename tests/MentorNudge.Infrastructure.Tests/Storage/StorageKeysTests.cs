using MentorNudge.Infrastructure.Storage;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Storage;

public sealed class StorageKeysTests
{
    [Fact]
    public void Shard_SameId_SameShardInRange()
    {
        var shards = Enumerable.Range(0, 400).Select(i => StorageKeys.Shard($"fu-a{i}-1")).ToList();

        Assert.All(shards, s => Assert.InRange(s, 0, StorageKeys.DueIndexShards - 1));
        Assert.Equal(StorageKeys.Shard("fu-a7-1"), StorageKeys.Shard("fu-a7-1"));
        Assert.Equal(StorageKeys.DueIndexShards, shards.Distinct().Count());
    }

    [Fact]
    public void DueIndexPartition_LaterMinute_SortsAfter()
    {
        var t = Instant.FromUtc(2026, 11, 26, 9, 59, 59);

        var a = StorageKeys.DueIndexPartition(t, "x");
        var b = StorageKeys.DueIndexPartition(t + Duration.FromSeconds(1), "x");

        Assert.StartsWith("202611260959-", a, StringComparison.Ordinal);
        Assert.StartsWith("202611261000-", b, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(a, b) < 0);
    }

    [Fact]
    public void HashToken_Token_Sha256HexNotTheToken()
    {
        var hash = StorageKeys.HashToken("secret-token");

        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("secret", hash, StringComparison.Ordinal);
        Assert.Equal(hash, StorageKeys.HashToken("secret-token"));
    }
}
