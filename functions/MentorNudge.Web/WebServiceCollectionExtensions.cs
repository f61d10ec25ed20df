using MentorNudge.Web.SignIn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorNudge.Web;

/// <summary>Registers the web app on top of the shared composition root and the API (<c>AddMentorNudge</c>, <c>AddMentorNudgeApi</c>).</summary>
public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddMentorNudgeWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName))
            .Validate(o => o.SignInLinkLifetime > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero, "Web sign-in link and session lifetimes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<WebAuthStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MentorNudge.Infrastructure.UseCases.IUserDataEraser, WebAuthStore>(sp => sp.GetRequiredService<WebAuthStore>()));
        services.TryAddSingleton<SignInService>();
        services.TryAddSingleton<MentorNudge.Api.Endpoints.IOneClickLanding, Endpoints.AppLanding>();
        return services;
    }
}
