using MentorNudge.Azure.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Functions.Workers;

/// <summary>Every five minutes: re-enqueues nudges still Scheduled well after the dispatcher picked them up (self-healing).</summary>
public sealed class SweepOverdue(OverdueSweep sweep, IClock clock, ILogger<SweepOverdue> logger)
{
    [Function(nameof(SweepOverdue))]
    public async Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var requeued = await sweep.SweepAsync(clock.GetCurrentInstant(), OverdueSweep.Grace, cancellationToken);
        logger.LogInformation("Overdue sweep re-enqueued {Requeued} nudges", requeued);
    }
}
