using MentorNudge.Azure.Pipeline;
using MentorNudge.Azure.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Functions.Workers;

/// <summary>Daily at 03:30 UTC: repairs missing schedule entries and stranded nudges (self-healing) and forgets old inbound event ids.</summary>
public sealed class Reconcile(NudgeReconciler reconciler, OverdueSweep sweep, WebhookEventLog events, IClock clock, ILogger<Reconcile> logger)
{
    [Function(nameof(Reconcile))]
    public async Task Run([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await reconciler.ReconcileAsync(clock.GetCurrentInstant(), cancellationToken);
        await sweep.SweepAsync(clock.GetCurrentInstant(), OverdueSweep.Grace, cancellationToken);
        var purged = await events.PurgeAsync(cancellationToken);
        logger.LogInformation("Reconciled: {Report}; forgot {Purged} old inbound event ids", report, purged);
    }
}
