using MentorNudge.Infrastructure.Triggers;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace MentorNudge.Functions.Workers;

/// <summary>Every minute: moves what is due from the due index to the <c>nudges</c> queue.
/// The dispatcher logs the tick's one line (range, rows read, enqueued, skipped).</summary>
public sealed class DispatchDue(PipelineTimers timers, IClock clock)
{
    [Function(nameof(DispatchDue))]
    public Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        timers.DispatchDueAsync(clock.GetCurrentInstant(), cancellationToken);
}
