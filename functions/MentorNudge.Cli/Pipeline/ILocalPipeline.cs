using MentorNudge.Infrastructure.Triggers;
using NodaTime;

namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// The calls the Functions app's triggers make, as the local host needs them: the dispatcher tick,
/// the overdue sweep, the daily reconcile, and the two queue handlers. Implemented over the work the
/// Functions triggers call (<see cref="TriggerWork"/>), never re-implemented here; an interface so the
/// virtual clock can be tested with a scripted pipeline.
/// </summary>
public interface ILocalPipeline
{
    /// <summary>The queues to drain, in order: nudges first (sending one may enqueue a webhook), then webhooks.</summary>
    IReadOnlyList<PumpedQueue> Queues { get; }

    /// <summary>Enqueues every nudge due up to <paramref name="now"/> (the "dispatch" timer).</summary>
    Task DispatchDueAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>Repairs missing schedule entries (the daily "reconcile" timer).</summary>
    Task ReconcileAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>
    /// Re-enqueues nudges still Scheduled more than <paramref name="grace"/> after the dispatcher
    /// picked them up (the "sweep" timer); returns how many.
    /// </summary>
    Task<int> SweepOverdueAsync(Instant now, Duration grace, CancellationToken cancellationToken);

    /// <summary>The earliest due instant in (<paramref name="after"/>, <paramref name="until"/>], or null when nothing is due then.</summary>
    Task<Instant?> NextDueAsync(Instant after, Instant until, CancellationToken cancellationToken);
}
