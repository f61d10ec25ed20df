using MentorNudge.Api.Backend;
using MentorNudge.Api.Http;
using MentorNudge.Azure.Limits;
using MentorNudge.Azure.Tokens;
using MentorNudge.Azure.Webhooks;
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
    /// Adds the API's options (<c>MentorNudge:Api</c>), the webhook pieces and the backend over the
    /// application service. One-click links need <see cref="ActionTokens"/> (or <see cref="ContentOptions"/>
    /// to make them from) registered by the content composition; without them every link answers 404.
    /// </summary>
    public static IServiceCollection AddMentorNudgeApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.AddMentorNudgeWebhooks();

        // ASP.NET Core's own request lines carry the raw path (action tokens, hook user ids); the
        // dispatcher logs the route template and request id instead.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        services.AddOptions<UserCapsOptions>().Bind(configuration.GetSection(UserCapsOptions.SectionName));
        services.TryAddSingleton<ApiTokenService>();
        services.TryAddSingleton<IApiBackend>(sp => ActivatorUtilities.CreateInstance<ServiceApiBackend>(
            sp,
            sp.GetService<ActionTokens>() ?? (sp.GetService<ContentOptions>() is { } content ? new ActionTokens(content.ActionSigningKey) : null)!));
        return services;
    }
}
