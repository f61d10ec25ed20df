using MentorNudge.Cli.Email;
using MentorNudge.Cli.Pipeline;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Cli.Time;

/// <summary>
/// Moves the virtual clock and runs everything that falls due on the way, before returning. It
/// jumps from due instant to due instant (never minute by minute, which would take hours for a
/// few weeks): at each stop the dispatcher runs with that "now" and both queues are drained, so
/// every nudge is handled at the time it would have been handled in Azure.
/// </summary>
public sealed class ClockAdvancer(
    VirtualClock clock,
    ILocalPipeline pipeline,
    LocalQueueWorkers workers,
    PipelineGate gate,
    SentMailLog sentMail,
    ILogger<ClockAdvancer> logger)
{
    // A stop whose work keeps re-enqueueing itself must not hang the call.
    private const int MaxRoundsPerStop = 20;

    /// <summary>Moves the clock to <paramref name="target"/>, running all due work on the way.</summary>
    public async Task<ClockAdvance> AdvanceToAsync(Instant target, CancellationToken cancellationToken)
    {
        await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var from = clock.GetCurrentInstant();
            if (target < from)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target, "The virtual clock only moves forward.");
            }

            var mark = sentMail.Count;
            var steps = 0;

            // Anything already due at the current time (e.g. created through the API since the last move,
            // or stranded by a process killed mid-advance) goes first.
            await RunDueAsync(from, cancellationToken).ConfigureAwait(false);
            await SweepAsync(from, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var now = clock.GetCurrentInstant();
                var next = await pipeline.NextDueAsync(now, target, cancellationToken).ConfigureAwait(false);
                var stop = next is { } due && due <= target ? due : target;
                if (stop <= now)
                {
                    break;
                }

                clock.MoveTo(stop);
                steps++;
                await RunDueAsync(stop, cancellationToken).ConfigureAwait(false);
                if (stop == target)
                {
                    break;
                }
            }

            await SweepAsync(clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Virtual clock moved from {From} to {To} in {Steps} steps", from, target, steps);
            return new ClockAdvance(from, clock.GetCurrentInstant(), steps, sentMail.Since(mark));
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    /// <summary>
    /// Everything due by <paramref name="now"/> was dispatched and drained under the gate, so a nudge
    /// still Scheduled has no live message here (it died with a killed process or was parked): no
    /// grace, re-enqueue and drain it now.
    /// </summary>
    private async Task SweepAsync(Instant now, CancellationToken cancellationToken)
    {
        if (await pipeline.SweepOverdueAsync(now, Duration.Zero, cancellationToken).ConfigureAwait(false) > 0)
        {
            await RunDueAsync(now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunDueAsync(Instant now, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRoundsPerStop; round++)
        {
            await pipeline.DispatchDueAsync(now, cancellationToken).ConfigureAwait(false);
            var handled = await workers.DrainAsync(cancellationToken).ConfigureAwait(false);
            if (handled == 0)
            {
                return;
            }
        }

        logger.LogWarning("Work at {Now} was still being enqueued after {Rounds} rounds; moving on", now, MaxRoundsPerStop);
    }
}
