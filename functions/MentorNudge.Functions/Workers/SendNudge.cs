using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Triggers;
using Microsoft.Azure.Functions.Worker;

namespace MentorNudge.Functions.Workers;

/// <summary>
/// One <c>nudges</c> message: re-checks state, renders, emails. A throttled or transient send is put
/// back by the sender with the service's delay and the invocation completes, so it never counts
/// towards poison and never spins hot.
/// </summary>
public sealed class SendNudge(PipelineQueues queues)
{
    [Function(nameof(SendNudge))]
    public Task Run([QueueTrigger(StorageOptions.DefaultNudgeQueueName)] string message, CancellationToken cancellationToken) =>
        queues.SendNudgeAsync(message, cancellationToken);
}
