using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// The dispatcher's cursor: every due-index row picked up at or before it has been enqueued.
/// Moved forward only with If-Match, so two dispatchers racing cannot move it backwards.
/// The overdue sweep keeps its own cursor in the same table (<see cref="ForSweep"/>).
/// </summary>
public sealed class DispatchCheckpoint(StorageClients clients, string row)
{
    private const string Partition = "dispatcher";
    private readonly string Row = row;

    /// <summary>The dispatcher's cursor.</summary>
    public DispatchCheckpoint(StorageClients clients)
        : this(clients, "cursor")
    {
    }

    /// <summary>The overdue sweep's cursor: every index row picked up at or before it was checked once more.</summary>
    public static DispatchCheckpoint ForSweep(StorageClients clients) => new(clients, "sweep");

    /// <summary>The cursor and the ETag to move it with; null when the dispatcher never ran.</summary>
    public async Task<(Instant? Cursor, ETag ETag, Instant? LastTick)> ReadAsync(CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Checkpoints.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return (null, default, null);
        }

        var e = response.Value!;
        return (
            Instant.FromUnixTimeTicks(e.GetInt64("Cursor") ?? 0),
            e.ETag,
            e.GetInt64("LastTick") is { } t ? Instant.FromUnixTimeTicks(t) : null);
    }

    /// <summary>
    /// Moves the cursor to <paramref name="cursor"/>. With a default <paramref name="ifMatch"/> the
    /// row is created. False when someone else moved it first (their tick covered the same rows).
    /// </summary>
    public async Task<bool> TryAdvanceAsync(Instant cursor, ETag ifMatch, Instant tick, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entity = new TableEntity(Partition, Row)
        {
            ["Cursor"] = cursor.ToUnixTimeTicks(),
            ["LastTick"] = tick.ToUnixTimeTicks(),
        };
        try
        {
            if (ifMatch == default)
            {
                await clients.Checkpoints.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await clients.Checkpoints.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
