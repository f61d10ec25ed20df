using MentorNudge.Cli.Time;
using NodaTime;

namespace MentorNudge.Cli.Tests.Time;

public sealed class VirtualClockTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 6, 10, 0);

    [Fact]
    public void GetCurrentInstant_NotMoved_StaysAtStart()
    {
        var clock = new VirtualClock(Start);

        Assert.Equal(Start, clock.GetCurrentInstant());
        Assert.Equal(Start, clock.GetCurrentInstant());
    }

    [Fact]
    public void MoveTo_Later_MovesForward()
    {
        var clock = new VirtualClock(Start);

        clock.MoveTo(Start + Duration.FromDays(3));

        Assert.Equal(Start + Duration.FromDays(3), clock.GetCurrentInstant());
    }

    [Fact]
    public void MoveTo_Earlier_ThrowsAndKeepsTime()
    {
        var clock = new VirtualClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.MoveTo(Start - Duration.FromSeconds(1)));
        Assert.Equal(Start, clock.GetCurrentInstant());
    }

    [Fact]
    public async Task MoveTo_FromManyThreads_NeverGoesBackwards()
    {
        var clock = new VirtualClock(Start);
        var seen = new System.Collections.Concurrent.ConcurrentBag<bool>();

        await Task.WhenAll(Enumerable.Range(1, 8).Select(worker => Task.Run(() =>
        {
            var last = clock.GetCurrentInstant();
            for (var i = 1; i <= 500; i++)
            {
                try
                {
                    clock.MoveTo(Start + Duration.FromMinutes((i * 8) + worker));
                }
                catch (ArgumentOutOfRangeException)
                {
                    // Another thread got further first: refused, as it should be.
                }

                var now = clock.GetCurrentInstant();
                seen.Add(now >= last);
                last = now;
            }
        })));

        Assert.All(seen, Assert.True);
        Assert.True(clock.GetCurrentInstant() >= Start + Duration.FromMinutes(4000));
    }
}
