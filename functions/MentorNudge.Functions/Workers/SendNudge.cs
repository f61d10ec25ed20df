using MentorNudge.Azure.Pipeline;
using MentorNudge.Azure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Functions.Workers;

/// <summary>
/// One <c>nudges</c> message: re-checks state, renders, emails. A throttled or transient send is put
/// back by the sender with the service's delay and the invocation completes, so it never counts
/// towards poison and never spins hot.
/// </summary>
public sealed class SendNudge(NudgeSender sender, ILogger<SendNudge> logger)
{
    [Function(nameof(SendNudge))]
    public async Task Run([QueueTrigger(StorageOptions.DefaultNudgeQueueName)] string message, CancellationToken cancellationToken)
    {
        var result = await sender.ProcessAsync(message, cancellationToken);
        if (result.Outcome == SendNudgeOutcome.RetryLater)
        {
            logger.LogInformation("Nudge put back for {Delay} ({Reason})", result.RetryAfter, result.Reason);
        }
    }
}
