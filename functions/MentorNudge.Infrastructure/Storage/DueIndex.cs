using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// The due index: one row per (nudge, due instant), partitioned by the minute bucket of the
/// instant the dispatcher should pick it up plus a shard (0–3, from a stable hash of the nudge id).
/// A tick reads only partitions from its cursor to now with one partition-key range query, so its
/// cost grows with what is due, not with what is stored. Rows are hints: the nudge row decides.
/// </summary>
public sealed class DueIndex(StorageClients clients)
{
    /// <summary>
    /// Writes (idempotently) the row for <paramref name="nudgeId"/> due at <paramref name="dueAt"/>,
    /// picked up at <paramref name="at"/> (≥ due; later when the nudge is already overdue at write time).
    /// </summary>
    public async Task<DueIndexEntry> WriteAsync(string userId, string nudgeId, Instant dueAt, Instant at, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entry = new DueIndexEntry(
            StorageKeys.DueIndexPartition(at, nudgeId),
            StorageKeys.DueIndexRow(at, userId, nudgeId),
            userId,
            nudgeId,
            dueAt,
            at);
        var entity = new TableEntity(entry.PartitionKey, entry.RowKey)
        {
            ["UserId"] = userId,
            ["NudgeId"] = nudgeId,
            ["DueAt"] = dueAt.ToUnixTimeTicks(),
            ["At"] = at.ToUnixTimeTicks(),
        };
        await clients.DueIndex.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>Rows whose pick-up instant is in (<paramref name="afterExclusive"/>, <paramref name="untilInclusive"/>], in time order.</summary>
    public async Task<IReadOnlyList<DueIndexEntry>> ReadAsync(Instant afterExclusive, Instant untilInclusive, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var from = StorageKeys.Bucket(afterExclusive) + "-0";
        var to = StorageKeys.Bucket(untilInclusive) + "-" + StorageKeys.DueIndexShards.ToString(CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        var result = new List<DueIndexEntry>();
        await foreach (var e in clients.DueIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var entry = ToEntry(e);
            if (entry.At > afterExclusive && entry.At <= untilInclusive)
            {
                result.Add(entry);
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        return result;
    }

    /// <summary>Deletes a row (erasure); a row already gone is fine.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        // The table client answers a missing row with its 404 response, not an exception.
        using var _ = await clients.DueIndex.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes every row whose minute bucket is before <paramref name="before"/>'s, one
    /// entity-group transaction per partition (up to 100 rows each). Returns how many went.
    /// </summary>
    public async Task<int> PurgeBeforeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {StorageKeys.Bucket(before) + "-0"}");
        var batch = new List<TableTransactionAction>();
        var purged = 0;
        await foreach (var e in clients.DueIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count == 100 || (batch.Count > 0 && batch[0].Entity.PartitionKey != e.PartitionKey))
            {
                purged += await DeleteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        }

        return purged + await DeleteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DeleteBatchAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var count = batch.Count;
        try
        {
            await clients.DueIndex.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // A row went meanwhile (another purge): delete the rest one by one.
            foreach (var action in batch)
            {
                await DeleteAsync(action.Entity.PartitionKey, action.Entity.RowKey, cancellationToken).ConfigureAwait(false);
            }
        }

        batch.Clear();
        return count;
    }

    /// <summary>True when the row still exists (the reconcile's check).</summary>
    public async Task<bool> ExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.DueIndex.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue;
    }

    private static DueIndexEntry ToEntry(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("UserId"),
        e.GetString("NudgeId"),
        Instant.FromUnixTimeTicks(e.GetInt64("DueAt") ?? 0),
        Instant.FromUnixTimeTicks(e.GetInt64("At") ?? 0));
}
