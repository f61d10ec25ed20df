using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Triggers;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace MentorNudge.Functions.Workers;

/// <summary>Every five minutes: re-enqueues nudges still Scheduled well after the dispatcher picked them up (self-healing).</summary>
public sealed class SweepOverdue(PipelineTimers timers, IClock clock)
{
    [Function(nameof(SweepOverdue))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        timers.SweepOverdueAsync(clock.GetCurrentInstant(), OverdueSweep.Grace, cancellationToken);
}
