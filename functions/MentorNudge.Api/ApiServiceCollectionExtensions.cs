using MentorNudge.Api.Http;
using MentorNudge.Api.RateLimiting;
using MentorNudge.Infrastructure.Tokens;
using MentorNudge.Core.Content;
using MentorNudge.Core.Content.Actions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MentorNudge.Api;

/// <summary>Registers what the HTTP API needs on top of the shared composition root (<c>AddMentorNudge</c>).</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the API's options (<c>MentorNudge:Api</c>) and the verifier of one-click links, made from
    /// the <see cref="ContentOptions"/> of the shared composition (the key the emails are signed with).
    /// The handlers call the use cases that <c>AddMentorNudge</c> registers.
    /// </summary>
    public static IServiceCollection AddMentorNudgeApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        // ASP.NET Core's own request lines carry the raw path (action tokens, hook user ids); the
        // dispatcher logs the route template and request id instead.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        services.TryAddSingleton<ApiTokenService>();
        services.AddMentorNudgeRateLimits(configuration);
        services.TryAddSingleton(sp => sp.GetRequiredService<ContentOptions>().CreateActionTokens());
        return services;
    }
}
