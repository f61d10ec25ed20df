using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// Ids of inbound events already accepted, per user, in a table, so that a replayed event is
/// refused. Because a signature older than five minutes is rejected anyway, an id only needs to be
/// remembered a little longer than that; <see cref="Retention"/> keeps a day and
/// <see cref="PurgeAsync"/> removes older rows.
/// </summary>
public sealed class WebhookEventLog(TableClient table, IClock clock)
{
    /// <summary>Default table name.</summary>
    public const string TableName = "webhookevents";

    /// <summary>How long an event id is remembered.</summary>
    public static Duration Retention { get; } = Duration.FromDays(1);

    private bool _created;

    /// <summary>Records <paramref name="eventId"/>; false when it was recorded before (a replay).</summary>
    public async Task<bool> TryRememberAsync(string userId, string eventId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var entity = new TableEntity(userId, eventId) { ["ReceivedAt"] = clock.GetCurrentInstant().ToDateTimeOffset() };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets one remembered id (its change could not be applied, so a retry must be accepted).</summary>
    public async Task ForgetAsync(string userId, string eventId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(userId, eventId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
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

    /// <summary>Removes ids older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var cutoff = (clock.GetCurrentInstant() - Retention).ToDateTimeOffset();
        var removed = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ReceivedAt lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            removed++;
        }

        return removed;
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
