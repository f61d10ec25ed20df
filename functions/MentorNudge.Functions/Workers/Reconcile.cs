using MentorNudge.Infrastructure.Triggers;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace MentorNudge.Functions.Workers;

/// <summary>Daily at 03:30 UTC: repairs missing schedule entries and stranded nudges (self-healing) and forgets old inbound event ids.</summary>
public sealed class Reconcile(PipelineTimers timers, IClock clock)
{
    [Function(nameof(Reconcile))]
    public Task Run([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        timers.ReconcileAsync(clock.GetCurrentInstant(), cancellationToken);
}
