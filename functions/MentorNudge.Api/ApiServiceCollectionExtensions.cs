using MentorNudge.Api.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Api;

/// <summary>Registers what the HTTP API needs on top of the shared composition root.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddMentorNudgeApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        return services;
    }
}
