using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Webhooks;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Triggers;

/// <summary>
/// What each timer of the pipeline does, written once: the Functions app's timer triggers and the
/// local host's dispatcher loop call these, each with the "now" of its own clock.
/// </summary>
public sealed class PipelineTimers(
    NudgeDispatcher dispatcher,
    NudgeReconciler reconciler,
    OverdueSweep sweep,
    DueIndexPurge indexPurge,
    WebhookEventLog events,
    ILogger<PipelineTimers> logger)
{
    /// <summary>How often the overdue sweep runs (the Functions schedule <c>0 */5 * * * *</c>).</summary>
    public static readonly Duration SweepEvery = Duration.FromMinutes(5);

    /// <summary>How often the reconcile runs (the Functions schedule <c>0 30 3 * * *</c>: daily).</summary>
    public static readonly Duration ReconcileEvery = Duration.FromDays(1);

    /// <summary>The "dispatch" timer, every minute: moves what is due by <paramref name="now"/> to the <c>nudges</c> queue.</summary>
    public Task<DispatchReport> DispatchDueAsync(Instant now, CancellationToken cancellationToken) =>
        dispatcher.DispatchDueAsync(now, cancellationToken);

    /// <summary>
    /// The "sweep" timer: re-enqueues nudges still Scheduled more than <paramref name="grace"/>
    /// after the dispatcher picked them up (<see cref="OverdueSweep.Grace"/> normally).
    /// </summary>
    /// <returns>How many were re-enqueued.</returns>
    public async Task<int> SweepOverdueAsync(Instant now, Duration grace, CancellationToken cancellationToken)
    {
        var requeued = await sweep.SweepAsync(now, grace, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Overdue sweep re-enqueued {Requeued} nudges", requeued);
        return requeued;
    }

    /// <summary>
    /// The daily "reconcile" timer: repairs missing schedule entries, re-enqueues stranded nudges,
    /// then forgets old inbound event ids and due-index rows nothing reads any more.
    /// </summary>
    public async Task<ReconcileReport> ReconcileAsync(Instant now, CancellationToken cancellationToken)
    {
        var report = await reconciler.ReconcileAsync(now, cancellationToken).ConfigureAwait(false);
        await sweep.SweepAsync(now, OverdueSweep.Grace, cancellationToken).ConfigureAwait(false);
        var purged = await events.PurgeAsync(cancellationToken).ConfigureAwait(false);
        var indexRows = await indexPurge.PurgeAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Reconciled: {Report}; forgot {Purged} old inbound event ids and {IndexRows} old due-index rows", report, purged, indexRows);
        return report;
    }
}
