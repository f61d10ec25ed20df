using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// The dispatcher tick: reads the due index from the cursor to now (one partition-key range
/// query over the minute buckets and their shards), checks each row against its nudge (one point
/// read), enqueues the ones still due, and only then moves the cursor (If-Match). A failure
/// anywhere leaves the cursor where it was, so the next tick does the same work again: nothing
/// is lost, and a re-enqueued nudge is harmless because sending is idempotent.
/// </summary>
public sealed class NudgeDispatcher(
    DueIndex dueIndex,
    DispatchCheckpoint checkpoint,
    UserDataRepository data,
    WorkQueues queues,
    ILogger<NudgeDispatcher> logger)
{
    /// <summary>How far back the very first tick looks (there is no cursor yet).</summary>
    public static readonly Duration FirstTickLookback = Duration.FromDays(1);

    /// <summary>Dispatches everything due at or before <paramref name="now"/> that earlier ticks did not.</summary>
    public async Task<DispatchReport> DispatchDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var (cursor, etag, _) = await checkpoint.ReadAsync(cancellationToken).ConfigureAwait(false);
        var from = cursor ?? now - FirstTickLookback;
        if (from >= now)
        {
            return new DispatchReport(from, now, 0, 0, 0, false);
        }

        var rows = await dueIndex.ReadAsync(from, now, cancellationToken).ConfigureAwait(false);
        var enqueued = 0;
        var skipped = 0;
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (row, ct) =>
            {
                var nudge = await data.GetNudgeAsync(row.UserId, row.NudgeId, ct).ConfigureAwait(false);
                if (nudge is null || nudge.Nudge.Status != NudgeStatus.Scheduled || nudge.Nudge.DueAt != row.DueAt || nudge.IsLeased(now))
                {
                    // Erased, cancelled, sent, rescheduled (its new row is elsewhere) or in flight.
                    Interlocked.Increment(ref skipped);
                    return;
                }

                await queues.EnqueueNudgeAsync(new NudgeMessage(row.UserId, row.NudgeId, row.DueAt.ToUnixTimeTicks()), cancellationToken: ct).ConfigureAwait(false);
                Interlocked.Increment(ref enqueued);
            }).ConfigureAwait(false);

        var advanced = await checkpoint.TryAdvanceAsync(now, etag, now, cancellationToken).ConfigureAwait(false);
        if (!advanced)
        {
            logger.LogInformation("Dispatcher cursor was moved by a concurrent tick; its rows were covered twice");
        }

        // The one line per tick (the trigger adds none): what was read, sent on and skipped.
        logger.LogInformation(
            "Dispatch tick ({From}, {To}]: read {Rows} rows, enqueued {Enqueued}, skipped {Skipped}",
            from, now, rows.Count, enqueued, skipped);
        return new DispatchReport(from, now, rows.Count, enqueued, skipped, advanced);
    }
}
