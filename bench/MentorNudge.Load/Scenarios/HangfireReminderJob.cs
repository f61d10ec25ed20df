using System.Collections.Concurrent;

namespace MentorNudge.Load.Scenarios;

/// <summary>The job Hangfire fires: records that reminder n fired and when.</summary>
public static class HangfireReminderJob
{
    private static readonly ConcurrentDictionary<int, DateTimeOffset> FiredAt = new();
    private static CountdownEvent _remaining = new(1);
    private static HashSet<int> _cancelled = [];

    public static int Fired => FiredAt.Count;

    public static DateTimeOffset LastFiredAt => FiredAt.IsEmpty ? DateTimeOffset.MinValue : FiredAt.Values.Max();

    internal static void Reset(int count, IEnumerable<int> cancelled)
    {
        FiredAt.Clear();
        _cancelled = [.. cancelled];
        _remaining = new CountdownEvent(count - _cancelled.Count);
    }

    internal static bool WaitAll(TimeSpan timeout) => _remaining.Wait(timeout);

    internal static int FiredOf(IEnumerable<int> ids) => ids.Count(FiredAt.ContainsKey);

    public static void Fire(int n)
    {
        // Hangfire delivers at least once; count each reminder once.
        // A cancelled reminder that fires anyway is counted by FiredOf, not awaited.
        if (FiredAt.TryAdd(n, DateTimeOffset.UtcNow) && !_cancelled.Contains(n))
        {
            _remaining.Signal();
        }
    }
}
