using MentorNudge.Azure.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Functions.Workers;

/// <summary>Every minute: moves what is due from the due index to the <c>nudges</c> queue.</summary>
public sealed class DispatchDue(NudgeDispatcher dispatcher, IClock clock, ILogger<DispatchDue> logger)
{
    [Function(nameof(DispatchDue))]
    public async Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await dispatcher.DispatchDueAsync(clock.GetCurrentInstant(), cancellationToken);
        logger.LogInformation("Dispatch tick read {Rows} rows, enqueued {Enqueued}", report.RowsRead, report.Enqueued);
    }
}
