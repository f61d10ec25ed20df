using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Cli.Time;

/// <summary>
/// Where <c>POST /api/v1/admin/clock</c> should take the virtual clock: either forward by an
/// ISO-8601 period (<c>P3DT2H</c>, <c>PT90M</c>, <c>P1W</c>) or to an ISO instant.
/// </summary>
public static class ClockTarget
{
    /// <summary>
    /// Resolves a request against the current time. Periods are added in UTC calendar terms, so
    /// <c>P1M</c> means one calendar month and <c>P1D</c> 24 hours.
    /// </summary>
    /// <returns>The target instant, or an error message naming the bad field.</returns>
    public static (Instant? Target, string? Field, string? Error) Resolve(Instant now, string? advanceBy, string? setTo)
    {
        var hasAdvance = !string.IsNullOrWhiteSpace(advanceBy);
        var hasSet = !string.IsNullOrWhiteSpace(setTo);
        if (hasAdvance == hasSet)
        {
            return (null, "advanceBy", "Give exactly one of advanceBy (an ISO-8601 duration such as P3DT2H) or setTo (an ISO instant).");
        }

        if (hasAdvance)
        {
            var parsed = PeriodPattern.NormalizingIso.Parse(advanceBy!.Trim());
            if (!parsed.Success)
            {
                return (null, "advanceBy", $"'{advanceBy}' is not an ISO-8601 duration such as P3DT2H or PT30M.");
            }

            var target = (now.InUtc().LocalDateTime + parsed.Value).InUtc().ToInstant();
            return target < now
                ? (null, "advanceBy", "The virtual clock only moves forward; use a positive duration.")
                : (target, null, null);
        }

        var instant = ParseInstant(setTo!.Trim());
        if (instant is null)
        {
            return (null, "setTo", $"'{setTo}' is not an ISO instant such as 2026-03-02T09:00:00Z or 2026-03-02T09:00:00+01:00.");
        }

        return instant < now
            ? (null, "setTo", $"The virtual clock only moves forward; it is already {InstantPattern.ExtendedIso.Format(now)}.")
            : (instant, null, null);
    }

    /// <summary>Parses an ISO instant with <c>Z</c> or an offset; null when it is neither.</summary>
    public static Instant? ParseInstant(string text)
    {
        var utc = InstantPattern.ExtendedIso.Parse(text);
        if (utc.Success)
        {
            return utc.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return offset.Success ? offset.Value.ToInstant() : null;
    }
}
