using NodaTime;

namespace MentorNudge.Infrastructure.Email.Pacing;

/// <summary>
/// The quota rule: a send at instant g counts against every instant t with t - window &lt; g ≤ t,
/// and at most <c>limit</c> sends may count at any t, for each window (minute, hour). Keeping the
/// exact send instants of the last hour makes this exact: no window ever holds more than its limit,
/// and a slot is offered the moment the oldest counting send leaves its window.
/// </summary>
public sealed class SlidingWindowQuota(int perMinute, int perHour)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly Duration Hour = Duration.FromHours(1);

    public int PerMinute { get; } = perMinute;

    public int PerHour { get; } = perHour;

    /// <summary>Drops sends that no longer count at <paramref name="now"/> (older than an hour).</summary>
    public static List<Instant> Prune(IEnumerable<Instant> grants, Instant now) =>
        grants.Where(g => g > now - Hour).Order().ToList();

    /// <summary>
    /// Null when a send may happen at <paramref name="now"/>; otherwise the earliest later instant
    /// at which both windows have room. <paramref name="grants"/> must be sorted ascending.
    /// </summary>
    public Instant? NextFreeSlot(IReadOnlyList<Instant> grants, Instant now)
    {
        var candidate = now;
        // Moving forward for one window can only lower the other's count, so two passes settle it.
        for (var pass = 0; pass < 2; pass++)
        {
            candidate = Max(candidate, EarliestFor(grants, candidate, Minute, PerMinute));
            candidate = Max(candidate, EarliestFor(grants, candidate, Hour, PerHour));
        }

        return candidate == now ? null : candidate;
    }

    private static Instant EarliestFor(IReadOnlyList<Instant> grants, Instant at, Duration window, int limit)
    {
        // Sends counting at `at`: those with g > at - window (including any already placed later than `at`).
        var counting = grants.Where(g => g > at - window).ToList();
        if (counting.Count < limit)
        {
            return at;
        }

        // The (count - limit + 1) oldest must leave the window: g leaves it at g + window.
        return counting[counting.Count - limit] + window;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
