using NodaTime;

namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// The calls the Functions app's triggers make, as the local host needs them: the dispatcher tick,
/// the daily reconcile, and the two queue handlers. Implemented over the shared application
/// service, never re-implemented here.
/// </summary>
public interface ILocalPipeline
{
    /// <summary>Name of the queue of nudges to send.</summary>
    string NudgesQueue { get; }

    /// <summary>Name of the queue of outbound webhooks.</summary>
    string WebhooksQueue { get; }

    /// <summary>Enqueues every nudge due up to <paramref name="now"/> (the "dispatch" timer).</summary>
    Task DispatchDueAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>Repairs missing schedule entries (the daily "reconcile" timer).</summary>
    Task ReconcileAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>Handles one message of the nudges queue (the "send-nudge" trigger).</summary>
    Task<QueueHandlingResult> SendNudgeAsync(string message, long dequeueCount, CancellationToken cancellationToken);

    /// <summary>Handles one message of the webhooks queue (the "deliver-webhook" trigger).</summary>
    Task<QueueHandlingResult> DeliverWebhookAsync(string message, long dequeueCount, CancellationToken cancellationToken);

    /// <summary>The earliest due instant strictly after <paramref name="after"/>, or null when nothing is scheduled.</summary>
    Task<Instant?> NextDueAfterAsync(Instant after, CancellationToken cancellationToken);
}
