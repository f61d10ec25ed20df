using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorNudge.Api.RateLimiting;

/// <summary>Wires <see cref="ApiRateLimiter"/> into ASP.NET Core's rate-limiting middleware (the local host).</summary>
public static class ApiRateLimitExtensions
{
    /// <summary>Binds <c>MentorNudge:RateLimits</c> and registers the shared limiter.</summary>
    public static IServiceCollection AddMentorNudgeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiRateLimitOptions>().Bind(configuration.GetSection(ApiRateLimitOptions.SectionName));
        services.TryAddSingleton<ApiRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ApiRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Limiter;
            options.OnRejected = (context, _) => new ValueTask(ApiRateLimiter.RejectAsync(context.HttpContext, context.Lease));
        });
        return services;
    }

    /// <summary>Runs the limiter before the API's endpoints.</summary>
    public static IApplicationBuilder UseMentorNudgeRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();
}
