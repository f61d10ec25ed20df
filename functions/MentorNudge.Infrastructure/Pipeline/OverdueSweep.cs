using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// The self-healing sweep behind the dispatcher. It reads the due index once more, a grace period
/// behind the dispatcher's cursor, and re-enqueues every nudge that is still Scheduled at the
/// instant its row names: its message was lost, parked too long, or held by a process that died.
/// Cost: one range query per run plus one point read per index row, once (the sweep has its own
/// cursor), so it grows with what fell due, never with users or stored nudges. A message it adds
/// next to a live one is harmless: sending is idempotent (deterministic ids, If-Match claim).
/// </summary>
public sealed class OverdueSweep(
    DueIndex dueIndex,
    DispatchCheckpoint dispatcherCursor,
    StorageClients clients,
    UserDataRepository data,
    WorkQueues queues,
    ILogger<OverdueSweep> logger)
{
    /// <summary>
    /// How long after its pick-up a nudge must still be Scheduled to be swept: longer than a tick
    /// plus a claim's lease (<see cref="NudgeSender.LeaseDuration"/>), so a send in progress is
    /// not disturbed in the normal case.
    /// </summary>
    public static readonly Duration Grace = Duration.FromMinutes(10);

    /// <summary>How far back the very first sweep looks (there is no sweep cursor yet).</summary>
    public static readonly Duration FirstSweepLookback = Duration.FromDays(35);

    private readonly DispatchCheckpoint sweepCursor = DispatchCheckpoint.ForSweep(clients);

    /// <summary>
    /// Checks every index row picked up in (sweep cursor, min(now − grace, dispatcher cursor)] and
    /// re-enqueues the nudges still Scheduled at that due instant; returns how many.
    /// </summary>
    public async Task<int> SweepAsync(Instant now, Duration grace, CancellationToken cancellationToken = default)
    {
        var (dispatched, _, _) = await dispatcherCursor.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (dispatched is not { } dispatchedUpTo)
        {
            return 0; // the dispatcher never ran: nothing is behind it
        }

        var (swept, etag, _) = await sweepCursor.ReadAsync(cancellationToken).ConfigureAwait(false);
        var from = swept ?? dispatchedUpTo - FirstSweepLookback;
        // Strictly before now: a row can still be written at pick-up instant now (an overdue nudge
        // is picked up "now"), and a cursor at now would pass it unread for good.
        var latest = now - Duration.Max(grace, Duration.Epsilon);
        var until = latest < dispatchedUpTo ? latest : dispatchedUpTo;
        if (from >= until)
        {
            return 0;
        }

        var rows = await dueIndex.ReadAsync(from, until, cancellationToken).ConfigureAwait(false);
        var requeued = 0;
        var gate = new object();
        Instant? firstLeased = null;
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (row, ct) =>
            {
                var stored = await data.GetNudgeAsync(row.UserId, row.NudgeId, ct).ConfigureAwait(false);
                if (stored is null || stored.Nudge.Status != NudgeStatus.Scheduled || stored.Nudge.DueAt != row.DueAt)
                {
                    return; // done, erased, or moved (its current row is elsewhere)
                }

                if (stored.LeaseUntil is { } lease && lease > now)
                {
                    // A lease still running may be a live send, or one whose process died: the cursor
                    // stays before this row, so a later run looks again (and finds it Sent, or re-enqueues
                    // it once the lease is over). Not a delayed message: the sweep exists because
                    // messages get lost, and a delay in queue time does not follow a virtual clock.
                    lock (gate)
                    {
                        firstLeased = firstLeased is { } seen && seen <= row.At ? seen : row.At;
                    }

                    return;
                }

                await queues.EnqueueNudgeAsync(new NudgeMessage(row.UserId, row.NudgeId, row.DueAt.ToUnixTimeTicks()), cancellationToken: ct).ConfigureAwait(false);
                Interlocked.Increment(ref requeued);
            }).ConfigureAwait(false);

        // Like the dispatcher: the cursor moves only after every enqueue succeeded, and not past a
        // row still leased (rows after it are read again next run; a second message is harmless).
        var cursor = firstLeased is { } held ? held - Duration.Epsilon : until;
        await sweepCursor.TryAdvanceAsync(cursor, etag, now, cancellationToken).ConfigureAwait(false);
        if (requeued > 0)
        {
            logger.LogWarning("Overdue sweep re-enqueued {Requeued} nudges picked up in ({From}, {Until}] and still scheduled", requeued, from, until);
        }

        return requeued;
    }
}
