using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// The outcome of each outbound webhook delivery, per user (partition = user id, row = delivery id),
/// so that failures are visible in the API (<c>GET /api/v1/webhooks/deliveries</c>).
/// </summary>
public sealed class WebhookDeliveryLog(TableClient table)
{
    /// <summary>Default table name (after the storage prefix).</summary>
    public const string TableName = "webhookdeliveries";

    private bool _created;

    /// <summary>Records the result of an attempt (last write wins: attempts of one delivery are sequential).</summary>
    public async Task RecordAsync(string userId, WebhookDeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureTableAsync(cancellationToken);
        var entity = new TableEntity(userId, record.DeliveryId)
        {
            ["NudgeId"] = record.NudgeId,
            ["Status"] = record.Status,
            ["Attempts"] = record.Attempts,
            ["StatusCode"] = record.StatusCode,
            ["Error"] = record.Error,
            ["UpdatedAt"] = record.UpdatedAt.ToDateTimeOffset(),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The user's deliveries, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryRecord>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var list = new List<WebhookDeliveryRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == userId, cancellationToken: cancellationToken))
        {
            list.Add(new WebhookDeliveryRecord(
                e.RowKey,
                e.GetString("NudgeId") ?? "",
                e.GetString("Status") ?? "",
                e.GetInt32("Attempts") ?? 0,
                e.GetInt32("StatusCode"),
                e.GetString("Error"),
                Instant.FromDateTimeOffset(e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch)));
        }

        return list.OrderByDescending(r => r.UpdatedAt).ToList();
    }

    /// <summary>Forgets everything about <paramref name="userId"/> (erasure).</summary>
    public async Task DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == userId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _created = true;
        }
    }
}
