using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// Partition and row keys. User data lives in one partition per user (PartitionKey = user id)
/// with typed row-key prefixes, so one query loads everything the planner and the composer need
/// and one entity-group transaction can change an ask and cancel its nudges atomically.
/// </summary>
public static class StorageKeys
{
    public const string UserRow = "user";
    public const string PersonPrefix = "person|";
    public const string AskPrefix = "ask|";
    public const string InteractionPrefix = "interaction|";
    public const string NudgePrefix = "nudge|";
    public const string TokenPrefix = "token|";

    /// <summary>Shards per minute bucket of the due index.</summary>
    public const int DueIndexShards = 4;

    public static string Person(string personId) => PersonPrefix + personId;

    public static string Ask(string askId) => AskPrefix + askId;

    public static string Interaction(string interactionId) => InteractionPrefix + interactionId;

    public static string Nudge(string nudgeId) => NudgePrefix + nudgeId;

    public static string Token(string tokenHash) => TokenPrefix + tokenHash;

    /// <summary>The minute bucket of an instant, <c>yyyyMMddHHmm</c> in UTC (sorts like time).</summary>
    public static string Bucket(Instant instant) =>
        instant.ToDateTimeUtc().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>A stable shard 0..<see cref="DueIndexShards"/>-1 from the nudge id (FNV-1a, not string.GetHashCode, which varies per process).</summary>
    public static int Shard(string nudgeId)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(nudgeId))
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash % DueIndexShards);
    }

    /// <summary>Due-index partition: minute bucket + shard, e.g. <c>202611260900-2</c>.</summary>
    public static string DueIndexPartition(Instant at, string nudgeId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Bucket(at)}-{Shard(nudgeId)}");

    /// <summary>Due-index row: the instant's ticks (fixed width, so rows sort by time), user and nudge.</summary>
    public static string DueIndexRow(Instant at, string userId, string nudgeId) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeTicks():D19}|{userId}|{nudgeId}");

    /// <summary>Lowercase hex SHA-256 of an API token: what is stored instead of the token.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
