using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>Registers the webhook pieces: the outbound client, the delivery handler and the two small tables.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>Timeout of one webhook POST; a slow receiver is retried later rather than waited for.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Adds the outbound webhook client (no redirects, 10 s timeout, connections only to public
    /// addresses unless <c>MentorNudge:Webhooks:AllowPrivateNetworks</c>) and, on top of
    /// <c>AddMentorNudge</c>'s storage options, the seen-event and delivery logs and the handler of
    /// the <c>webhooks</c> queue.
    /// </summary>
    public static IServiceCollection AddMentorNudgeWebhooks(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<WebhookOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(WebhookOptions.SectionName));
        }

        services.AddHttpClient(WebhookDeliverer.HttpClientName, client => client.Timeout = Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ConnectCallback = new WebhookConnector(sp.GetRequiredService<IOptions<WebhookOptions>>().Value).ConnectAsync,
            });
        services.TryAddSingleton<WebhookDeliverer>();
        services.TryAddSingleton(sp => new WebhookEventLog(Table(sp, WebhookEventLog.TableName), sp.GetRequiredService<NodaTime.IClock>()));
        services.TryAddSingleton(sp => new WebhookDeliveryLog(Table(sp, WebhookDeliveryLog.TableName)));
        services.TryAddSingleton<WebhookDeliveryHandler>();
        services.TryAddSingleton<WebhookTestSender>();
        return services;
    }

    // Same account, prefix, credential and retry settings as the pipeline's tables.
    private static TableClient Table(IServiceProvider sp, string name)
    {
        var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        return sp.GetRequiredService<StorageClients>().TableService.GetTableClient(options.TablePrefix + name);
    }
}
