using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// Re-plans a user: runs the planner over the stored partition and makes the stored Scheduled
/// nudges match the plan. Write order: nudge rows first (one transaction), then their due-index
/// rows, so a crash in between leaves a nudge without an index row (found by the reconcile),
/// never an index row pointing at nothing that would later be consumed too early.
/// Idempotent: running it again on the same data writes nothing.
/// </summary>
public sealed class NudgeScheduler(
    UserDataRepository data,
    DueIndex dueIndex,
    WorkQueues queues,
    INudgePlanning planner,
    IClock clock,
    ILogger<NudgeScheduler> logger)
{
    /// <summary>
    /// Nudges picked up within this window of the write are also enqueued directly (with a
    /// visibility delay), because a dispatcher tick running concurrently may already have read
    /// past their minute bucket. Duplicates are harmless: sending is idempotent.
    /// </summary>
    public static readonly Duration DirectEnqueueWindow = Duration.FromMinutes(2);

    private const int MaxAttempts = 4;

    /// <summary>Loads the user, re-plans, retries on concurrent changes. Throws <see cref="NotFoundException"/> for an unknown user.</summary>
    public async Task<ReplanResult> ReplanAsync(string userId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var partition = await data.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
            if (partition.User is null)
            {
                throw NotFoundException.For("user", userId);
            }

            try
            {
                return await ApplyAsync(partition, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                logger.LogDebug("Re-plan of {UserId} raced a concurrent change; retrying", userId);
            }
        }
    }

    /// <summary>
    /// Re-plans an already loaded partition and updates it in place (new nudges and ETags).
    /// Throws <see cref="ConcurrencyConflictException"/> when a row changed since it was loaded.
    /// </summary>
    public Task<ReplanResult> ApplyAsync(UserPartition partition, CancellationToken cancellationToken = default) =>
        ApplyAsync(partition, null, cancellationToken);

    /// <summary>
    /// Re-plans with <paramref name="outcome"/> — a nudge's new state, already put in the partition
    /// with the ETag it was read with — written in the same transaction. The sender records a
    /// nudge Sent or Skipped this way, so a crash can never leave the outcome without the plan that
    /// follows from it (the next weekly digest). Throws <see cref="ConcurrencyConflictException"/>
    /// when any row changed since it was loaded.
    /// </summary>
    internal async Task<ReplanResult> ApplyAsync(UserPartition partition, StoredNudge? outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var planned = PlanChanges(partition, now);
        if (outcome is not null)
        {
            planned = planned with
            {
                Changes = [outcome, .. planned.Changes],
                Actions = [NudgeChanges.Replace(outcome), .. planned.Actions],
            };
        }

        if (planned.Actions.Count == 0)
        {
            return ReplanResult.None;
        }

        await WriteIndexRowsAsync(planned.ToIndex, now, cancellationToken).ConfigureAwait(false);
        var etags = await data.SubmitAsync(planned.Actions, cancellationToken).ConfigureAwait(false);
        return await CommittedAsync(partition, planned, etags, 0, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="writes"/> (a change already decided on the loaded partition) and the
    /// nudge rows of the plan that follows from it in one submit: one entity-group transaction for
    /// up to 100 rows, so an outreach and its follow-ups are one request and land together. The
    /// partition is updated in place. Throws <see cref="ConcurrencyConflictException"/> when a row
    /// changed since it was loaded (then nothing of the transaction was written).
    /// </summary>
    internal async Task<ReplanResult> WriteAndPlanAsync(UserPartition partition, IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        // Plan on the partition as it will be once the change is written.
        foreach (var w in writes)
        {
            w.Committed(w.Action.ETag);
        }

        var now = clock.GetCurrentInstant();
        var planned = PlanChanges(partition, now);
        var changedRows = writes.Select(w => w.Action.Entity.RowKey).ToHashSet(StringComparer.Ordinal);
        if (planned.Actions.Any(a => changedRows.Contains(a.Entity.RowKey)))
        {
            // The plan touches a row the change wrote (no case known today): two writes, in order.
            var first = await data.SubmitAsync(writes.Select(w => w.Action).ToList(), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < writes.Count; i++)
            {
                writes[i].Committed(first[i]);
            }

            try
            {
                return await ApplyAsync(partition, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                // The change is written; plan again from what is stored now.
                return await ReplanAsync(partition.UserId, cancellationToken).ConfigureAwait(false);
            }
        }

        await WriteIndexRowsAsync(planned.ToIndex, now, cancellationToken).ConfigureAwait(false);
        var etags = await data.SubmitAsync(writes.Select(w => w.Action).Concat(planned.Actions).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < writes.Count; i++)
        {
            writes[i].Committed(etags[i]);
        }

        return planned.Actions.Count == 0
            ? ReplanResult.None
            : await CommittedAsync(partition, planned, etags, writes.Count, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReplanResult> CommittedAsync(UserPartition partition, PlannedChanges planned, IReadOnlyList<ETag> etags, int offset, Instant now, CancellationToken cancellationToken)
    {
        for (var i = 0; i < planned.Changes.Count; i++)
        {
            partition.Nudges[planned.Changes[i].Id] = planned.Changes[i] with { ETag = etags[offset + i] };
        }

        await EnqueueImminentAsync(planned.ToIndex, now, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Re-planned {UserId}: {Added} added, {Rescheduled} rescheduled, {Cancelled} cancelled",
            partition.UserId, planned.Result.Added, planned.Result.Rescheduled, planned.Result.Cancelled);
        return planned.Result;
    }

    /// <summary>The nudge rows that make the stored Scheduled nudges match the plan (nothing written).</summary>
    private PlannedChanges PlanChanges(UserPartition partition, Instant now)
    {
        var user = partition.User?.Value ?? throw NotFoundException.For("user", partition.UserId);
        var plan = IsReachable(user)
            ? planner.Plan(new PlanningInput(user, partition.PersonList, partition.AskList, partition.InteractionList, partition.NudgeList))
            : [];

        var changes = new List<StoredNudge>();
        var actions = new List<TableTransactionAction>();
        var toIndex = new List<StoredNudge>();
        int added = 0, rescheduled = 0, cancelled = 0;
        var planned = new HashSet<string>(StringComparer.Ordinal);

        foreach (var p in plan)
        {
            planned.Add(p.NudgeId);
            if (partition.Nudges.TryGetValue(p.NudgeId, out var existing) && NudgePlanner.IsWithdrawn(existing.Nudge))
            {
                // Withdrawn by an earlier re-plan and planned again (a digest moved back to its
                // date, a setting undone): the same row becomes Scheduled again.
                var revived = WithIndexKeys(
                    existing with { Nudge = existing.Nudge with { Status = NudgeStatus.Scheduled, Reason = null, DueAt = p.DueAt }, LeaseUntil = null },
                    now);
                changes.Add(revived);
                actions.Add(NudgeChanges.Replace(revived));
                toIndex.Add(revived);
                added++;
            }
            else if (existing is not null)
            {
                // Terminal nudges are history; a leased one is being sent right now.
                if (existing.Nudge.Status != NudgeStatus.Scheduled || existing.IsLeased(now) || existing.Nudge.DueAt == p.DueAt)
                {
                    continue;
                }

                var moved = WithIndexKeys(existing with { Nudge = existing.Nudge with { DueAt = p.DueAt } }, now);
                changes.Add(moved);
                actions.Add(NudgeChanges.Replace(moved));
                toIndex.Add(moved);
                rescheduled++;
            }
            else
            {
                var nudge = new Nudge(p.NudgeId, user.Id, p.Kind, p.PersonId, p.AskId, p.Step, p.DueAt, NudgeStatus.Scheduled);
                var fresh = WithIndexKeys(new StoredNudge(nudge, default), now);
                changes.Add(fresh);
                actions.Add(NudgeChanges.Insert(fresh));
                toIndex.Add(fresh);
                added++;
            }
        }

        // Only future nudges are withdrawn by omission: an overdue one may be in a queue right now,
        // and the send-time checks decide about it (a planner need not repeat what is already due).
        // The digest is the exception: the plan always names the one digest, overdue (collapsed)
        // or not, so any other Scheduled digest is stale, and leaving it would send two at once.
        foreach (var existing in partition.Nudges.Values)
        {
            if (existing.Nudge.Status == NudgeStatus.Scheduled && !planned.Contains(existing.Id) &&
                (existing.Nudge.DueAt > now || existing.Nudge.Kind == NudgeKind.WeeklyDigest) && !existing.IsLeased(now))
            {
                var gone = existing with { Nudge = existing.Nudge with { Status = NudgeStatus.Cancelled, Reason = NudgeReasons.NoLongerPlanned } };
                changes.Add(gone);
                actions.Add(NudgeChanges.Replace(gone));
                cancelled++;
            }
        }

        return new PlannedChanges(changes, actions, toIndex, new ReplanResult(added, rescheduled, cancelled));
    }

    /// <summary>Writes the due-index rows of nudges already stored (their keys are on the rows), enqueuing the imminent ones.</summary>
    internal async Task IndexAsync(IReadOnlyList<StoredNudge> nudges, Instant now, CancellationToken cancellationToken)
    {
        await WriteIndexRowsAsync(nudges, now, cancellationToken).ConfigureAwait(false);
        await EnqueueImminentAsync(nudges, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the due-index rows of nudges about to be committed, <b>before</b> the commit: a crash
    /// between the two then leaves at worst an index row whose nudge is missing or different, which
    /// the dispatcher skips, never a Scheduled nudge that nothing will pick up (written after the
    /// commit, a crash in between stranded it until the daily reconcile).
    /// </summary>
    private Task WriteIndexRowsAsync(IReadOnlyList<StoredNudge> nudges, Instant now, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            nudges,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (n, ct) => await dueIndex.WriteAsync(n.Nudge.UserId, n.Id, n.Nudge.DueAt, NudgeChanges.PickUpAt(n.Nudge.DueAt, now), ct).ConfigureAwait(false));

    /// <summary>
    /// Enqueues the committed nudges due within <see cref="DirectEnqueueWindow"/> (the dispatcher may
    /// have passed their minute already). Only after the commit, so a message never precedes its row.
    /// </summary>
    private Task EnqueueImminentAsync(IReadOnlyList<StoredNudge> nudges, Instant now, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            nudges.Where(n => NudgeChanges.PickUpAt(n.Nudge.DueAt, now) <= now + DirectEnqueueWindow),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (n, ct) =>
            {
                var delay = (NudgeChanges.PickUpAt(n.Nudge.DueAt, now) - now).ToTimeSpan();
                await queues.EnqueueNudgeAsync(new NudgeMessage(n.Nudge.UserId, n.Id, n.Nudge.DueAt.ToUnixTimeTicks()), delay, ct).ConfigureAwait(false);
            });

    /// <summary>Sets the nudge's due-index keys for pick-up at max(due, now).</summary>
    internal static StoredNudge WithIndexKeys(StoredNudge n, Instant now)
    {
        var at = NudgeChanges.PickUpAt(n.Nudge.DueAt, now);
        return n with
        {
            IndexPartition = StorageKeys.DueIndexPartition(at, n.Id),
            IndexRow = StorageKeys.DueIndexRow(at, n.Nudge.UserId, n.Id),
        };
    }

    /// <summary>Nobody to deliver to: no email (unsubscribed or bouncing) and no webhook.</summary>
    public static bool IsReachable(User user) =>
        user.Settings.Webhook is not null || (!user.Unsubscribed && !user.EmailUndeliverable);
}
