using MentorNudge.Infrastructure.Triggers;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Cli.Pipeline;

/// <summary>The local host's queue triggers: one <see cref="QueuePump"/> per queue of the pipeline, with the Functions host's settings.</summary>
public sealed class LocalQueueWorkers
{
    public LocalQueueWorkers(ILocalPipeline pipeline, QueuePumpSettings settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger<QueuePump>();
        Pumps = pipeline.Queues.Select(q => new QueuePump(q.Queue, q.Poison, q.Handler, settings, logger)).ToList();
    }

    /// <summary>Nudges first, then webhooks (sending a nudge may enqueue a webhook).</summary>
    public IReadOnlyList<QueuePump> Pumps { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var pump in Pumps)
        {
            await pump.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drains every queue until all are empty.</summary>
    /// <returns>How many messages were handled in total.</returns>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int handled;
        do
        {
            handled = 0;
            foreach (var pump in Pumps)
            {
                handled += await pump.DrainAsync(cancellationToken).ConfigureAwait(false);
            }

            total += handled;
        }
        while (handled > 0);

        return total;
    }
}
