using System.Text;
using Azure.Core;
using Azure.Identity;
using MentorNudge.Azure.Email;
using MentorNudge.Azure.Pipeline;
using MentorNudge.Azure.Storage;
using MentorNudge.Core.Content;
using MentorNudge.Core.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Azure.DependencyInjection;

/// <summary>The composition root both hosts (the Functions app and the local host) call.</summary>
public static class MentorNudgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage (options from <c>Storage:*</c>, validated at start-up), the repositories,
    /// the queues, the planner, the renderer and the pipeline services. The host registers its
    /// <see cref="IClock"/> first if it wants another (default <see cref="SystemClock.Instance"/>),
    /// and an <see cref="IEmailSender"/> (the email adapters' registration); sending resolves the
    /// sender lazily, so the API works without one. With service URIs instead of a connection
    /// string, a registered <see cref="TokenCredential"/> is used, else a managed identity
    /// (<c>Storage:ManagedIdentityClientId</c> picks a user-assigned one).
    /// A registered <see cref="StorageOperationCounter"/> is added to the clients' pipelines.
    /// The composer's <see cref="ContentOptions"/> come from <c>App:PublicBaseUrl</c> and
    /// <c>Security:ActionSigningKey</c> unless the host registered them first.
    /// </summary>
    public static IServiceCollection AddMentorNudge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            TokenCredential? credential = null;
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                credential = sp.GetService<TokenCredential>() ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    ManagedIdentityClientId = configuration[$"{StorageOptions.SectionName}:ManagedIdentityClientId"],
                });
            }

            var counter = sp.GetService<StorageOperationCounter>();
            var policies = counter is null ? null : new[] { ("table", counter.PolicyFor("table")), ("queue", counter.PolicyFor("queue")) };
            return new StorageClients(options, credential, policies);
        });

        services.TryAddSingleton<UserDataRepository>();
        services.TryAddSingleton<TokenStore>();
        services.TryAddSingleton<DueIndex>();
        services.TryAddSingleton<DispatchCheckpoint>();
        services.TryAddSingleton<DeliveryMap>();
        services.TryAddSingleton<WorkQueues>();

        services.TryAddSingleton<NudgePlanner>();
        services.TryAddSingleton<INudgePlanning, CorePlanning>();
        services.AddOptions<ContentSettings>()
            .Configure(c =>
            {
                c.PublicBaseUrl = Uri.TryCreate(configuration["App:PublicBaseUrl"], UriKind.Absolute, out var url) ? url : null;
                c.ActionSigningKey = configuration["Security:ActionSigningKey"];
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var c = sp.GetRequiredService<IOptions<ContentSettings>>().Value;
            return new ContentOptions(c.PublicBaseUrl!, Encoding.UTF8.GetBytes(c.ActionSigningKey!));
        });
        services.TryAddSingleton<NudgeEmailComposer>();
        services.TryAddSingleton<INudgeRenderer, ComposerRenderer>();
        services.TryAddSingleton<ISendQuota, UnlimitedSendQuota>();

        services.TryAddSingleton<NudgeScheduler>();
        services.TryAddSingleton<NudgeDispatcher>();
        services.TryAddSingleton<NudgeReconciler>();
        services.TryAddSingleton<PoisonQueueService>();
        services.TryAddSingleton<MentorNudgeService>();
        services.TryAddSingleton(sp => new NudgeSender(
            sp.GetRequiredService<UserDataRepository>(),
            sp.GetRequiredService<NudgeScheduler>(),
            sp.GetRequiredService<DeliveryMap>(),
            sp.GetRequiredService<WorkQueues>(),
            sp.GetRequiredService<INudgeRenderer>(),
            sp.GetService<IEmailSender>() ?? throw new InvalidOperationException("No IEmailSender registered: add the email adapters (AddMentorNudgeEmail) in the host."),
            sp.GetRequiredService<ISendQuota>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<ILogger<NudgeSender>>()));
        return services;
    }
}
