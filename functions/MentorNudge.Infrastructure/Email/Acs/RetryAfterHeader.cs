using System.Globalization;
using Azure;
using NodaTime;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>Reads <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> and <c>Retry-After</c> (seconds or HTTP date).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(Response response, Instant now)
    {
        foreach (var name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            {
                return TimeSpan.FromMilliseconds(millis);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = Instant.FromDateTimeOffset(date) - now;
            return delay > Duration.Zero ? delay.ToTimeSpan() : TimeSpan.Zero;
        }

        return null;
    }
}
