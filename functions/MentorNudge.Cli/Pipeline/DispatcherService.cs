using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Triggers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// The Functions app's timers on one loop: "dispatch" once at start (catching up after downtime),
/// then at the start of every minute (<c>0 * * * * *</c>); the overdue sweep at start and every
/// <see cref="PipelineTimers.SweepEvery"/> after; the reconcile at start and every
/// <see cref="PipelineTimers.ReconcileEvery"/> after.
/// </summary>
public sealed class DispatcherService(ILocalPipeline pipeline, IClock clock, PipelineGate gate, ILogger<DispatcherService> logger) : BackgroundService
{
    /// <summary>The instant of the last completed tick, for health and tests.</summary>
    public Instant? LastTick { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Instant? lastReconcile = null;
        Instant? lastSweep = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetCurrentInstant();
            try
            {
                if (lastReconcile is null || now - lastReconcile.Value >= PipelineTimers.ReconcileEvery)
                {
                    await pipeline.ReconcileAsync(now, stoppingToken).ConfigureAwait(false);
                    lastReconcile = now;
                }

                await gate.Semaphore.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    await pipeline.DispatchDueAsync(now, stoppingToken).ConfigureAwait(false);
                    if (lastSweep is null || now - lastSweep.Value >= PipelineTimers.SweepEvery)
                    {
                        await pipeline.SweepOverdueAsync(now, OverdueSweep.Grace, stoppingToken).ConfigureAwait(false);
                        lastSweep = now;
                    }
                }
                finally
                {
                    gate.Semaphore.Release();
                }

                LastTick = now;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The cursor only moves after work is enqueued, so the next tick picks this up again.
                logger.LogError(ex, "Dispatcher tick at {Now} failed; retrying next minute", now);
            }

            try
            {
                await Task.Delay(UntilNextMinute(clock.GetCurrentInstant()), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Time from <paramref name="now"/> to the start of the next minute.</summary>
    public static TimeSpan UntilNextMinute(Instant now)
    {
        var intoMinute = now.ToUnixTimeTicks() % NodaConstants.TicksPerMinute;
        return TimeSpan.FromTicks(NodaConstants.TicksPerMinute - intoMinute);
    }
}
