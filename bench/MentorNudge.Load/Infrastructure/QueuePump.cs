using Azure.Storage.Queues;
using MentorNudge.Azure.Pipeline;

namespace MentorNudge.Load.Infrastructure;

/// <summary>
/// Drains the nudges queue the way the Functions queue trigger does: receive up to 32 messages,
/// hand each to the send worker (<c>NudgeSender.ProcessAsync</c>, which re-enqueues when it must
/// retry), delete it. Stops when a receive finds nothing visible.
/// </summary>
internal static class QueuePump
{
    public static async Task<PumpResult> DrainAsync(QueueClient queue, NudgeSender sender, int parallelism)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<SendNudgeOutcome, int>();
        var handled = 0;
        var receives = 0;
        var empty = 0;
        var workers = Enumerable.Range(0, Math.Max(1, parallelism / 8)).Select(async _ =>
        {
            while (Volatile.Read(ref empty) < 2)
            {
                var batch = await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(5));
                Interlocked.Increment(ref receives);
                if (batch.Value.Length == 0)
                {
                    Interlocked.Increment(ref empty);
                    continue;
                }

                Volatile.Write(ref empty, 0);
                await Parallel.ForEachAsync(batch.Value, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, ct) =>
                {
                    var result = await sender.ProcessAsync(message.MessageText, ct);
                    outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                    Interlocked.Increment(ref handled);
                });
            }
        });
        await Task.WhenAll(workers);
        return new PumpResult(handled, receives, outcomes.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value, StringComparer.Ordinal));
    }
}

internal sealed record PumpResult(int Handled, int Receives, IReadOnlyDictionary<string, int> Outcomes)
{
    public int Count(string outcome) => Outcomes.TryGetValue(outcome, out var n) ? n : 0;

    public override string ToString() => $"{Handled} handled in {Receives} receives ({string.Join(", ", Outcomes.Select(kv => $"{kv.Key} {kv.Value}"))})";
}
