using Microsoft.Extensions.Hosting;

namespace MentorNudge.Cli.Pipeline;

/// <summary>Polls every pipeline queue in the background, like the Functions queue triggers.</summary>
public sealed class QueueWorkerService(LocalQueueWorkers workers, PipelineGate gate) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await workers.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
        await Task.WhenAll(workers.Pumps.Select(pump => pump.RunAsync(stoppingToken, gate.Semaphore))).ConfigureAwait(false);
    }
}
