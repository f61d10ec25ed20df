using MentorNudge.Infrastructure.Storage;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// Forgets due-index rows nothing will read again. Rows are hints that are never updated in
/// place: a nudge that moves, is sent or is cancelled leaves its old row behind, so without this
/// the index grows for ever and keeps the ids of erased users. A row is old when its minute is
/// more than <see cref="Retention"/> before both the dispatcher's and the sweep's cursor (each
/// reads only forward from its cursor); a Scheduled nudge whose row went that way is stuck, and
/// the reconcile, which runs first, gives it a fresh row.
/// </summary>
public sealed class DueIndexPurge(DueIndex index, DispatchCheckpoint dispatcherCursor, StorageClients clients)
{
    /// <summary>How far behind the slower cursor a row must be before it goes.</summary>
    public static readonly Duration Retention = Duration.FromDays(7);

    private readonly DispatchCheckpoint sweepCursor = DispatchCheckpoint.ForSweep(clients);

    /// <summary>Deletes the old rows; 0 when either cursor was never written (nothing ran yet).</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var (dispatched, _, _) = await dispatcherCursor.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (swept, _, _) = await sweepCursor.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (dispatched is not { } d || swept is not { } s)
        {
            return 0;
        }

        var horizon = (d < s ? d : s) - Retention;
        return await index.PurgeBeforeAsync(horizon, cancellationToken).ConfigureAwait(false);
    }
}
