using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// The daily self-repair. For every user: re-plan (writes nudge rows that are missing or wrong),
/// then check each Scheduled nudge: overdue and not being sent → enqueue it again (a message
/// was lost or its lease expired with the worker); future → make sure its due-index row exists
/// (a crash between the nudge row and the index row leaves it missing).
/// </summary>
public sealed class NudgeReconciler(
    UserDataRepository data,
    DueIndex dueIndex,
    NudgeScheduler scheduler,
    WorkQueues queues,
    ILogger<NudgeReconciler> logger)
{
    /// <summary>An overdue nudge is only re-enqueued once it is this late (the dispatcher had its chance).</summary>
    public static readonly Duration OverdueGrace = Duration.FromMinutes(10);

    public async Task<ReconcileReport> ReconcileAsync(Instant now, CancellationToken cancellationToken = default)
    {
        int users = 0, added = 0, rescheduled = 0, indexed = 0, requeued = 0, failures = 0;
        await foreach (var userId in data.ListUserIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            users++;
            try
            {
                var partition = await data.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
                if (partition.User is null)
                {
                    continue;
                }

                var replan = await scheduler.ApplyAsync(partition, cancellationToken).ConfigureAwait(false);
                added += replan.Added;
                rescheduled += replan.Rescheduled;

                foreach (var n in partition.Nudges.Values.Where(n => n.Nudge.Status == NudgeStatus.Scheduled).ToList())
                {
                    if (n.IsLeased(now))
                    {
                        continue;
                    }

                    if (n.Nudge.DueAt <= now - OverdueGrace)
                    {
                        await queues.EnqueueNudgeAsync(new NudgeMessage(userId, n.Id, n.Nudge.DueAt.ToUnixTimeTicks()), cancellationToken: cancellationToken).ConfigureAwait(false);
                        requeued++;
                    }
                    else if (n.IndexPartition is null || n.IndexRow is null ||
                             !await dueIndex.ExistsAsync(n.IndexPartition, n.IndexRow, cancellationToken).ConfigureAwait(false))
                    {
                        // Nudge row first (it names the index row), then the index row.
                        var keyed = NudgeScheduler.WithIndexKeys(n, now);
                        partition.Nudges[n.Id] = await data.WriteNudgeAsync(keyed, n.ETag, cancellationToken).ConfigureAwait(false);
                        await scheduler.IndexAsync([keyed], now, cancellationToken).ConfigureAwait(false);
                        indexed++;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
                logger.LogWarning(e, "Reconcile of {UserId} failed; retried next run", userId);
            }
        }

        logger.LogInformation(
            "Reconciled {Users} users: {Added} nudges added, {Rescheduled} rescheduled, {Indexed} index rows repaired, {Requeued} requeued, {Failures} failures",
            users, added, rescheduled, indexed, requeued, failures);
        return new ReconcileReport(users, added, rescheduled, indexed, requeued, failures);
    }
}
