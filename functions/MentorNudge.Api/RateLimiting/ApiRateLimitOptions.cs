namespace MentorNudge.Api.RateLimiting;

/// <summary>
/// Request rate limits of the API and hooks, bound from <c>MentorNudge:RateLimits</c> and shared by
/// both hosts. Generous by default (a person at a keyboard, a sync script, the demo and the test
/// suites never reach them); the load bench raises them. A request over a limit answers 429.
/// </summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "MentorNudge:RateLimits";

    /// <summary>Off: no limits at all (a self-hoster behind their own gateway).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Length of one fixed window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests per window for one bearer token (whatever the address).</summary>
    public int PerTokenPermits { get; set; } = 1200;

    /// <summary>Requests per window from one client address (every request, tokens or not).</summary>
    public int PerAddressPermits { get; set; } = 2400;
}
