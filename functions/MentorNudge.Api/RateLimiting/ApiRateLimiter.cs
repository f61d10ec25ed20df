using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using MentorNudge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MentorNudge.Api.RateLimiting;

/// <summary>
/// The one rate-limit policy of both hosts: a fixed window per bearer token chained with one per
/// client address. The local host runs it as ASP.NET Core's global limiter; the Functions app
/// from its worker middleware. Rejections are 429 problem+json with <c>Retry-After</c>.
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public ApiRateLimiter(IOptions<ApiRateLimitOptions> options)
    {
        var o = options.Value;
        var window = TimeSpan.FromSeconds(Math.Max(1, o.WindowSeconds));
        var perToken = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !o.Enabled || TokenKey(context) is not { } key
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(o.PerTokenPermits, window)));
        var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !o.Enabled
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(AddressKey(context), _ => Window(o.PerAddressPermits, window)));
        _limiter = PartitionedRateLimiter.CreateChained(perToken, perAddress);
    }

    /// <summary>The chained limiter, for ASP.NET Core's <c>RateLimiterOptions.GlobalLimiter</c>.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter => _limiter;

    /// <summary>Takes one permit for the request; a lease that is not acquired must be answered with <see cref="RejectAsync"/>.</summary>
    public RateLimitLease Acquire(HttpContext context) => _limiter.AttemptAcquire(context);

    /// <summary>Writes the 429 answer: problem+json and, when known, <c>Retry-After</c> in whole seconds.</summary>
    public static Task RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.TooManyRequests(seconds).ExecuteAsync(context);
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    // The token's hash, not the token: the limiter's keys live in memory for a window.
    private static string? TokenKey(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length is > 7 and <= 600
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim())))
            : null;
    }

    private static string AddressKey(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();
}
