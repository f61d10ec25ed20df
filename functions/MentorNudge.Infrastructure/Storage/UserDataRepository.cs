using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Model;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// The user partitions of the data table. Reads load a whole partition with one query; writes go
/// through entity-group transactions (one request, all-or-nothing, up to 100 rows), If-Match on
/// the ETag of what was read.
/// </summary>
public sealed class UserDataRepository(StorageClients clients)
{
    private const int MaxTransactionSize = 100;

    /// <summary>Loads everything stored for <paramref name="userId"/> (an empty partition when unknown).</summary>
    public async Task<UserPartition> LoadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var partition = new UserPartition { UserId = userId };
        var query = clients.Data.QueryAsync<TableEntity>(e => e.PartitionKey == userId, cancellationToken: cancellationToken);
        await foreach (var entity in query.ConfigureAwait(false))
        {
            EntityMapper.Load(partition, entity);
        }

        return partition;
    }

    /// <summary>Point read of the user row (no partition load), null when the user does not exist.</summary>
    public async Task<User?> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }

        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, StorageKeys.UserRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? EntityMapper.ToUser(response.Value!) : null;
    }

    /// <summary>Point read of one nudge (the dispatcher's check), null when it does not exist.</summary>
    public async Task<StoredNudge?> GetNudgeAsync(string userId, string nudgeId, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, StorageKeys.Nudge(nudgeId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? EntityMapper.ToNudge(response.Value!) : null;
    }

    /// <summary>
    /// Writes a nudge row: insert when <paramref name="ifMatch"/> is null (fails if it exists),
    /// else replace If-Match. Returns the stored nudge with its new ETag.
    /// </summary>
    public async Task<StoredNudge> WriteNudgeAsync(StoredNudge nudge, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entity = EntityMapper.FromNudge(nudge);
        try
        {
            var response = ifMatch is { } etag
                ? await clients.Data.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await clients.Data.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return nudge with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"Nudge {nudge.Id} changed concurrently.", e);
        }
    }

    /// <summary>
    /// Applies <paramref name="actions"/> to one user partition. Up to 100 actions are atomic; a
    /// longer list is applied in chunks (each atomic). A 409/412 means someone changed a row first:
    /// nothing of that chunk was written.
    /// </summary>
    public async Task<IReadOnlyList<ETag>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        if (actions.Count == 0)
        {
            return [];
        }

        var etags = new List<ETag>(actions.Count);

        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        try
        {
            for (var i = 0; i < actions.Count; i += MaxTransactionSize)
            {
                var chunk = actions.Skip(i).Take(MaxTransactionSize).ToList();
                if (chunk.Count == 1)
                {
                    // A single change needs no transaction envelope.
                    var single = await ApplySingleAsync(chunk[0], cancellationToken).ConfigureAwait(false);
                    etags.Add(single.Headers.ETag ?? default);
                }
                else
                {
                    var responses = await clients.Data.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                    etags.AddRange(responses.Value.Select(r => r.Headers.ETag ?? default));
                }
            }

            return etags;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException("The user's data changed concurrently.", e);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException("The user's data changed concurrently.", e);
        }
    }

    /// <summary>Deletes every row of the partition (erasure).</summary>
    public async Task DeletePartitionAsync(UserPartition partition, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var keys = new List<string>();
        var query = clients.Data.QueryAsync<TableEntity>(e => e.PartitionKey == partition.UserId, select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var e in query.ConfigureAwait(false))
        {
            keys.Add(e.RowKey);
        }

        // The user row goes last, so a half-done erasure is still visible (and finishable) as a user.
        var ordered = keys.Where(k => k != StorageKeys.UserRow).Concat(keys.Where(k => k == StorageKeys.UserRow)).ToList();
        for (var i = 0; i < ordered.Count; i += MaxTransactionSize)
        {
            var chunk = ordered.Skip(i).Take(MaxTransactionSize)
                .Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition.UserId, rk), ETag.All))
                .ToList();
            await clients.Data.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>All user ids (scans only the user rows' keys; for the daily reconcile).</summary>
    public async IAsyncEnumerable<string> ListUserIdsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var query = clients.Data.QueryAsync<TableEntity>(e => e.RowKey == StorageKeys.UserRow, select: ["PartitionKey"], cancellationToken: cancellationToken);
        await foreach (var e in query.ConfigureAwait(false))
        {
            yield return e.PartitionKey;
        }
    }

    private Task<Response> ApplySingleAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        var entity = action.Entity;
        return action.ActionType switch
        {
            TableTransactionActionType.Add => clients.Data.AddEntityAsync(entity, cancellationToken),
            TableTransactionActionType.UpdateReplace => clients.Data.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpdateMerge => clients.Data.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Merge, cancellationToken),
            TableTransactionActionType.UpsertReplace => clients.Data.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
            TableTransactionActionType.UpsertMerge => clients.Data.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken),
            TableTransactionActionType.Delete => clients.Data.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, action.ETag, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
