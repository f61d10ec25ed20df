using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Webhooks;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Infrastructure.Triggers;

/// <summary>
/// What each queue trigger of the pipeline does, written once: the Functions app's queue triggers
/// call the handlers, and every other host pumps <see cref="All"/> with a <see cref="QueuePump"/>.
/// </summary>
public sealed class PipelineQueues
{
    private readonly NudgeSender _sender;
    private readonly WebhookDeliveryHandler _webhooks;
    private readonly ILogger<PipelineQueues> _logger;

    public PipelineQueues(NudgeSender sender, WebhookDeliveryHandler webhooks, StorageClients clients, ILogger<PipelineQueues> logger)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _sender = sender;
        _webhooks = webhooks;
        _logger = logger;

        // Handled messages are always completed: a retry-later send or webhook is re-enqueued by its
        // handler with its own delay, exactly as the Functions triggers rely on.
        All =
        [
            new PumpedQueue(clients.NudgeQueue, clients.NudgePoisonQueue, async (message, _, cancellationToken) =>
            {
                await SendNudgeAsync(message, cancellationToken).ConfigureAwait(false);
                return QueueHandlingResult.Done;
            }),
            new PumpedQueue(clients.WebhookQueue, clients.WebhookPoisonQueue, async (message, _, cancellationToken) =>
            {
                await DeliverWebhookAsync(message, cancellationToken).ConfigureAwait(false);
                return QueueHandlingResult.Done;
            }),
        ];
    }

    /// <summary>The queues in drain order: nudges first (sending one may enqueue a webhook), then webhooks.</summary>
    public IReadOnlyList<PumpedQueue> All { get; }

    /// <summary>
    /// One <c>nudges</c> message: re-checks state, renders, emails. A throttled or transient send is
    /// put back by the sender with the service's delay, so it never counts towards poison.
    /// </summary>
    public async Task<SendNudgeResult> SendNudgeAsync(string message, CancellationToken cancellationToken)
    {
        var result = await _sender.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == SendNudgeOutcome.RetryLater)
        {
            _logger.LogInformation("Nudge put back for {Delay} ({Reason})", result.RetryAfter, result.Reason);
        }

        return result;
    }

    /// <summary>One <c>webhooks</c> message: a signed POST; retries are re-enqueued with backoff by the handler.</summary>
    public Task DeliverWebhookAsync(string message, CancellationToken cancellationToken) =>
        _webhooks.HandleAsync(message, cancellationToken);
}
