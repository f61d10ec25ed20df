using MentorNudge.Cli.Time;
using NodaTime;

namespace MentorNudge.Cli.Tests.Time;

public sealed class ClockTargetTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 6, 10, 0);

    [Theory]
    [InlineData("P3DT2H", 74 * 60)]
    [InlineData("PT30M", 30)]
    [InlineData("P1W", 7 * 24 * 60)]
    [InlineData("PT0S", 0)]
    public void Resolve_AdvanceBy_AddsDuration(string advanceBy, int minutes)
    {
        var (target, _, error) = ClockTarget.Resolve(Now, advanceBy, null);

        Assert.Null(error);
        Assert.Equal(Now + Duration.FromMinutes(minutes), target);
    }

    [Fact]
    public void Resolve_AdvanceByMonth_AddsCalendarMonth()
    {
        var (target, _, _) = ClockTarget.Resolve(Now, "P1M", null);

        Assert.Equal(Instant.FromUtc(2026, 4, 6, 10, 0), target);
    }

    [Theory]
    [InlineData("2026-03-09T09:00:00Z")]
    [InlineData("2026-03-09T10:00:00+01:00")]
    public void Resolve_SetTo_ParsesInstantWithOffset(string setTo)
    {
        var (target, _, error) = ClockTarget.Resolve(Now, null, setTo);

        Assert.Null(error);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 9, 0), target);
    }

    [Theory]
    [InlineData(null, null, "advanceBy")]
    [InlineData("P1D", "2026-03-09T09:00:00Z", "advanceBy")]
    [InlineData("three days", null, "advanceBy")]
    [InlineData("-P1D", null, "advanceBy")]
    [InlineData(null, "2026-03-09 09:00", "setTo")]
    [InlineData(null, "2026-03-01T09:00:00Z", "setTo")]
    public void Resolve_BadRequest_NamesTheField(string? advanceBy, string? setTo, string field)
    {
        var (target, badField, error) = ClockTarget.Resolve(Now, advanceBy, setTo);

        Assert.Null(target);
        Assert.Equal(field, badField);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
