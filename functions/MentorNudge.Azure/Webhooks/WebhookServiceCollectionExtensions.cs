using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Azure.Webhooks;

/// <summary>Registers the outbound webhook client.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>Timeout of one webhook POST; a slow receiver is retried later rather than waited for.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddMentorNudgeWebhooks(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookDeliverer.HttpClientName, client => client.Timeout = Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
            });
        services.AddSingleton<WebhookDeliverer>();
        return services;
    }
}
