using MentorNudge.Infrastructure.Email.Pacing;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Email.Pacing;

public sealed class SlidingWindowQuotaTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 26, 9, 0);

    [Fact]
    public void NextFreeSlot_UnderBothLimits_IsNull()
    {
        var quota = new SlidingWindowQuota(5, 10);

        Assert.Null(quota.NextFreeSlot([T0, T0 + Duration.FromSeconds(1)], T0 + Duration.FromSeconds(2)));
    }

    [Fact]
    public void NextFreeSlot_MinuteFull_IsWhenOldestLeavesTheMinute()
    {
        var quota = new SlidingWindowQuota(2, 10);
        List<Instant> grants = [T0, T0 + Duration.FromSeconds(10)];

        Assert.Equal(T0 + Duration.FromMinutes(1), quota.NextFreeSlot(grants, T0 + Duration.FromSeconds(20)));
    }

    [Fact]
    public void NextFreeSlot_HourFull_IsWhenOldestLeavesTheHour()
    {
        var quota = new SlidingWindowQuota(5, 3);
        List<Instant> grants = [T0, T0 + Duration.FromMinutes(1), T0 + Duration.FromMinutes(2)];

        Assert.Equal(T0 + Duration.FromHours(1), quota.NextFreeSlot(grants, T0 + Duration.FromMinutes(3)));
    }
}
