using MentorNudge.Infrastructure.Pipeline;

namespace MentorNudge.Load.Scenarios;

/// <summary>
/// P2: storage requests per delivered and per cancelled follow-up, from the counts of one run.
/// Schedule and cancel are counted exactly per call. The dispatcher tick's requests are split:
/// its queue puts belong to delivered follow-ups, one point read per index row to each row, and
/// the tick's fixed cost (cursor read and write, the range query) is shared by all rows.
/// Everything the send workers did belongs to delivered follow-ups.
/// </summary>
internal sealed record OperationBreakdown(
    int Scheduled,
    int Cancelled,
    int Delivered,
    double SchedulePer,
    double CancelPer,
    double DispatchPerDelivered,
    double DispatchPerSkipped,
    double SendPerDelivered,
    long DispatchTotal,
    long SendTotal,
    IReadOnlyDictionary<string, int> Dispatch,
    IReadOnlyDictionary<string, int> Send)
{
    public double PerDelivered => SchedulePer + DispatchPerDelivered + SendPerDelivered;

    /// <summary>
    /// Dispatch and send only, without the queue host's own receive and delete (the Functions
    /// runtime makes those): the count the pipeline's operation-budget test asserts.
    /// </summary>
    public double PipelineOnlyPerDelivered =>
        DispatchPerDelivered + (Delivered == 0 ? 0 : (SendTotal - Count(Send, "queue GET") - Count(Send, "queue DELETE")) / (double)Delivered);

    /// <summary>The marginal cost of a cancellation: the reply's writes and the dispatcher's skip.</summary>
    public double PerCancelled => CancelPer + DispatchPerSkipped;

    public static OperationBreakdown From(
        int scheduled,
        int cancelled,
        int delivered,
        long scheduleOps,
        long cancelOps,
        IReadOnlyDictionary<string, int> dispatch,
        DispatchReport tick,
        IReadOnlyDictionary<string, int> send)
    {
        var dispatchTotal = dispatch.Values.Sum();
        var enqueues = dispatch.TryGetValue("queue POST", out var q) ? q : 0;
        var rows = Math.Max(1, tick.RowsRead);
        var fixedCost = dispatchTotal - enqueues - tick.RowsRead;
        var perRowShare = (double)fixedCost / rows;
        var sendTotal = send.Values.Sum();
        return new OperationBreakdown(
            scheduled,
            cancelled,
            delivered,
            (double)scheduleOps / scheduled,
            cancelled == 0 ? 0 : (double)cancelOps / cancelled,
            1 + perRowShare + (tick.Enqueued == 0 ? 0 : (double)enqueues / tick.Enqueued),
            1 + perRowShare,
            delivered == 0 ? 0 : (double)sendTotal / delivered,
            dispatchTotal,
            sendTotal,
            dispatch,
            send);
    }

    private static int Count(IReadOnlyDictionary<string, int> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;

    public static string Format(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
}
