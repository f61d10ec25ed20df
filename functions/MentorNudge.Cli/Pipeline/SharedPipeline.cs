using MentorNudge.Azure.Pipeline;
using MentorNudge.Azure.Storage;
using MentorNudge.Azure.Webhooks;
using NodaTime;

namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// <see cref="ILocalPipeline"/> over the shared pipeline services: the same dispatcher, reconciler
/// and send worker the Functions triggers call, on the queue clients the app writes with.
/// </summary>
public sealed class SharedPipeline : ILocalPipeline
{
    private readonly NudgeDispatcher _dispatcher;
    private readonly NudgeReconciler _reconciler;
    private readonly OverdueSweep _sweep;
    private readonly DueIndex _dueIndex;
    private readonly WebhookEventLog _events;

    public SharedPipeline(
        NudgeDispatcher dispatcher,
        NudgeReconciler reconciler,
        OverdueSweep sweep,
        NudgeSender sender,
        WebhookDeliveryHandler webhooks,
        WebhookEventLog events,
        DueIndex dueIndex,
        StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(webhooks);
        ArgumentNullException.ThrowIfNull(clients);
        _dispatcher = dispatcher;
        _reconciler = reconciler;
        _sweep = sweep;
        _dueIndex = dueIndex;
        _events = events;
        Queues =
        [
            new LocalQueue(clients.NudgeQueue, clients.NudgePoisonQueue, async (message, _, cancellationToken) =>
            {
                // ProcessAsync re-enqueues a retry-later message itself (with its delay), exactly as
                // the Functions trigger relies on; the original is then completed.
                await sender.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
                return QueueHandlingResult.Done;
            }),
            new LocalQueue(clients.WebhookQueue, clients.WebhookPoisonQueue, async (message, _, cancellationToken) =>
            {
                // Retries are re-enqueued with backoff by the handler, as for the Functions trigger.
                await webhooks.HandleAsync(message, cancellationToken).ConfigureAwait(false);
                return QueueHandlingResult.Done;
            }),
        ];
    }

    public IReadOnlyList<LocalQueue> Queues { get; }

    public Task DispatchDueAsync(Instant now, CancellationToken cancellationToken) =>
        _dispatcher.DispatchDueAsync(now, cancellationToken);

    /// <summary>What the daily "reconcile" timer does: self-repair, then forget old inbound event ids.</summary>
    public async Task ReconcileAsync(Instant now, CancellationToken cancellationToken)
    {
        await _reconciler.ReconcileAsync(now, cancellationToken).ConfigureAwait(false);
        await _sweep.SweepAsync(now, OverdueSweep.Grace, cancellationToken).ConfigureAwait(false);
        await _events.PurgeAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<int> SweepOverdueAsync(Instant now, Duration grace, CancellationToken cancellationToken) =>
        _sweep.SweepAsync(now, grace, cancellationToken);

    public async Task<Instant?> NextDueAsync(Instant after, Instant until, CancellationToken cancellationToken)
    {
        // The due index is the dispatcher's own source: its earliest row in the window is the next stop.
        var rows = await _dueIndex.ReadAsync(after, until, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows.Min(r => r.At);
    }
}
