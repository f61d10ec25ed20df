using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Triggers;
using NodaTime;

namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// <see cref="ILocalPipeline"/> over the work behind the Functions triggers (<see cref="PipelineTimers"/>,
/// <see cref="PipelineQueues"/>): the local host calls exactly what the Functions app calls, on the
/// queue clients the app writes with; only "when is the next due" is its own, for the virtual clock.
/// </summary>
public sealed class TriggerWork(PipelineTimers timers, PipelineQueues queues, DueIndex dueIndex) : ILocalPipeline
{
    public IReadOnlyList<PumpedQueue> Queues => queues.All;

    public Task DispatchDueAsync(Instant now, CancellationToken cancellationToken) =>
        timers.DispatchDueAsync(now, cancellationToken);

    public Task ReconcileAsync(Instant now, CancellationToken cancellationToken) =>
        timers.ReconcileAsync(now, cancellationToken);

    public Task<int> SweepOverdueAsync(Instant now, Duration grace, CancellationToken cancellationToken) =>
        timers.SweepOverdueAsync(now, grace, cancellationToken);

    public async Task<Instant?> NextDueAsync(Instant after, Instant until, CancellationToken cancellationToken)
    {
        // The due index is the dispatcher's own source: its earliest row in the window is the next stop.
        var rows = await dueIndex.ReadAsync(after, until, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows.Min(r => r.At);
    }
}
