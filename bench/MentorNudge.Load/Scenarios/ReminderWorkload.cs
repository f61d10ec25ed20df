namespace MentorNudge.Load.Scenarios;

/// <summary>
/// The P5 workload, identical for both systems: <see cref="Count"/> reminders with seeded random
/// delays in [0, <see cref="MaxDelay"/>] after a common <see cref="Lead"/>, of which a seeded 40 %
/// are cancelled before they are due.
/// </summary>
internal sealed class ReminderWorkload
{
    private ReminderWorkload(int count, TimeSpan lead, TimeSpan maxDelay, TimeSpan[] delays, int[] cancelled)
    {
        Count = count;
        Lead = lead;
        MaxDelay = maxDelay;
        Delays = delays;
        Cancelled = cancelled;
    }

    public int Count { get; }

    public TimeSpan Lead { get; }

    public TimeSpan MaxDelay { get; }

    public IReadOnlyList<TimeSpan> Delays { get; }

    public IReadOnlyList<int> Cancelled { get; }

    public int CancelledCount => Cancelled.Count;

    public static ReminderWorkload Create(int count, int seed, TimeSpan lead, TimeSpan maxDelay)
    {
        var random = new Random(seed);
        var delays = new TimeSpan[count];
        for (var i = 0; i < count; i++)
        {
            delays[i] = TimeSpan.FromMilliseconds(random.NextDouble() * maxDelay.TotalMilliseconds);
        }

        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var cancelled = order[..(count * 4 / 10)];
        Array.Sort(cancelled);
        return new ReminderWorkload(count, lead, maxDelay, delays, cancelled);
    }
}
