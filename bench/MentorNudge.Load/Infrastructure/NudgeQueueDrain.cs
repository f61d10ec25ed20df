using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Triggers;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorNudge.Load.Infrastructure;

/// <summary>
/// Drains the nudges queue with the pump the local host runs (<see cref="QueuePump"/>, with the
/// Functions host's host.json settings) and the handler the Functions trigger calls
/// (<see cref="PipelineQueues.SendNudgeAsync"/>); several pumps stand for several Function instances.
/// </summary>
internal static class NudgeQueueDrain
{
    /// <param name="stack">The stack whose queue is drained.</param>
    /// <param name="parallelism">Sends in flight to aim for: one pump (instance) per host.json batch.</param>
    public static async Task<PumpResult> DrainAsync(MentorNudgeStack stack, int parallelism)
    {
        var settings = QueuePumpSettings.FunctionsHost;
        var queues = stack.Get<PipelineQueues>();
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<SendNudgeOutcome, int>();
        var handled = 0;
        var nudges = queues.All[0];
        var pumps = Enumerable.Range(0, Math.Max(1, parallelism / settings.BatchSize))
            .Select(_ => new QueuePump(
                nudges.Queue,
                nudges.Poison,
                async (message, _, ct) =>
                {
                    var result = await queues.SendNudgeAsync(message, ct);
                    outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref handled);
                    return QueueHandlingResult.Done;
                },
                settings,
                NullLogger.Instance))
            .ToList();
        await Task.WhenAll(pumps.Select(p => p.DrainAsync(CancellationToken.None)));
        return new PumpResult(handled, (int)pumps.Sum(p => p.Receives), outcomes.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value, StringComparer.Ordinal));
    }
}
