using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Load.Infrastructure;

/// <summary>
/// Writes many nudge rows and their due-index rows fast: rows grouped by partition key, up to 100
/// per entity-group transaction. The rows are exactly what the scheduler writes (the storage
/// mapper for nudges, the due index's keys and fields for index rows).
/// One transaction at a time: Azurite 3.37 keeps a single, process-wide rollback list for
/// transactions, so two in flight at once fail ("Transaction Overlap") or leave a request
/// unanswered. It is single-threaded anyway, so little is lost.
/// </summary>
internal static class BulkLoader
{
    private const int TransactionSize = 100;

    public static async Task<int> LoadAsync(string connectionString, StorageClients clients, IReadOnlyList<Nudge> nudges)
    {
        var nudgeRows = new List<TableEntity>(nudges.Count);
        var indexRows = new List<TableEntity>(nudges.Count);
        foreach (var n in nudges)
        {
            var partition = StorageKeys.DueIndexPartition(n.DueAt, n.Id);
            var row = StorageKeys.DueIndexRow(n.DueAt, n.UserId, n.Id);
            nudgeRows.Add(EntityMapper.FromNudge(new StoredNudge(n, default, IndexPartition: partition, IndexRow: row)));

            // Same fields as DueIndex.WriteAsync writes for a nudge picked up at its due instant.
            indexRows.Add(new TableEntity(partition, row)
            {
                ["UserId"] = n.UserId,
                ["NudgeId"] = n.Id,
                ["DueAt"] = n.DueAt.ToUnixTimeTicks(),
                ["At"] = n.DueAt.ToUnixTimeTicks(),
            });
        }

        // Nudge rows first, as the scheduler orders its writes.
        var requests = await WriteAsync(Patient(connectionString, clients.Data.Name), nudgeRows);
        requests += await WriteAsync(Patient(connectionString, clients.DueIndex.Name), indexRows);
        return requests;
    }

    /// <summary>
    /// A client for the same table with a long timeout: the emulator applies a 100-row transaction
    /// slowly when the machine is busy, and a bulk load should wait rather than retry it.
    /// </summary>
    public static TableClient Patient(string connectionString, string table)
    {
        var options = new TableClientOptions();
        options.Retry.NetworkTimeout = TimeSpan.FromMinutes(2);
        return new TableClient(connectionString, table, options);
    }

    /// <summary>Writes rows grouped into transactions of one partition each, one transaction at a time.</summary>
    public static async Task<int> WriteAsync(TableClient table, IEnumerable<TableEntity> rows)
    {
        var batches = rows
            .GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(TransactionSize))
            .ToList();
        foreach (var batch in batches)
        {
            if (batch.Length == 1)
            {
                await table.UpsertEntityAsync(batch[0], TableUpdateMode.Replace);
            }
            else
            {
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            }
        }

        return batches.Count;
    }
}
