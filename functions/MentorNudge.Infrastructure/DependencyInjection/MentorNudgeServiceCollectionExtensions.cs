using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Capture;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Email.Pacing;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Content;
using MentorNudge.Core.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.DependencyInjection;

/// <summary>The composition root both hosts (the Functions app and the local host) call.</summary>
public static class MentorNudgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage (options from <c>Storage:*</c>, validated at start-up), the repositories,
    /// the queues, the planner, the renderer, the pipeline services, the use cases (<see cref="Users"/>,
    /// <see cref="People"/>, <see cref="Outreach"/>, <see cref="Interactions"/>, <see cref="Schedule"/>,
    /// <see cref="DeliveryReports"/>) and the webhook pieces. The host registers its
    /// <see cref="IClock"/> first if it wants another (default <see cref="SystemClock.Instance"/>),
    /// and may register its own <see cref="IEmailSender"/> first; otherwise the email adapters
    /// (<c>AddMentorNudgeEmail</c> over the <c>Email</c> section: ACS, SMTP or the outbox, plus
    /// the Table-based pacer, which becomes the send quota) are registered here. With service URIs instead of a connection
    /// string, the app's one <see cref="TokenCredential"/> is used (<c>AddMentorNudgeAzureCredential</c>:
    /// a host's own, else a managed identity, user-assigned when <c>AZURE_CLIENT_ID</c> is set).
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
        services.AddMentorNudgeAzureCredential(configuration);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var credential = string.IsNullOrWhiteSpace(options.ConnectionString) ? sp.GetRequiredService<TokenCredential>() : null;

            var counter = sp.GetService<StorageOperationCounter>();
            var policies = counter is null ? null : new[] { ("table", counter.PolicyFor("table")), ("queue", counter.PolicyFor("queue")) };
            return new StorageClients(options, credential, policies);
        });

        services.TryAddSingleton(sp => RunningConfiguration.From(configuration, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().TableService);
        services.TryAddSingleton<UserDataRepository>();
        services.TryAddSingleton<TokenStore>();
        services.TryAddSingleton<DueIndex>();
        services.TryAddSingleton<DispatchCheckpoint>();
        services.TryAddSingleton<DueIndexPurge>();
        services.TryAddSingleton<DeliveryMap>();
        services.TryAddSingleton<WorkQueues>();

        services.TryAddSingleton<NudgePlanner>();
        services.TryAddSingleton<INudgePlanning, CorePlanning>();
        services.AddOptions<ContentSettings>()
            .Configure(c =>
            {
                c.PublicBaseUrl = Uri.TryCreate(configuration["App:PublicBaseUrl"], UriKind.Absolute, out var url) ? url : null;
                c.ActionSigningKey = configuration["Security:ActionSigningKey"];
                c.ActionSigningKeyPrevious = string.IsNullOrEmpty(configuration["Security:ActionSigningKeyPrevious"]) ? null : configuration["Security:ActionSigningKeyPrevious"];
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentSettings>, ContentSettingsValidator>());

        // A setting the platform failed to resolve from Key Vault stops the app at start-up, by name.
        services.AddOptions<SecretReferenceSettings>()
            .Configure(s => s.UnresolvedKeys = SecretReferenceSettings.FindUnresolved(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretReferenceSettings>, SecretReferenceSettingsValidator>());
        services.TryAddSingleton(sp =>
        {
            var c = sp.GetRequiredService<IOptions<ContentSettings>>().Value;
            return new ContentOptions(
                c.PublicBaseUrl!,
                Encoding.UTF8.GetBytes(c.ActionSigningKey!),
                PreviousActionSigningKey: c.ActionSigningKeyPrevious is { } previous ? Encoding.UTF8.GetBytes(previous) : null);
        });
        services.TryAddSingleton<NudgeEmailComposer>();
        services.TryAddSingleton<INudgeRenderer, ComposerRenderer>();
        // The email adapters: the sender chosen by Email:Provider (default outbox) and the pacer.
        if (!services.Any(d => d.ServiceType == typeof(IEmailSender)))
        {
            services.AddMentorNudgeEmail(configuration.GetSection("Email"));
        }

        services.TryAddSingleton<ISendQuota>(sp => sp.GetService<IEmailPacer>() is { } pacer
            ? new PacerSendQuota(pacer, sp.GetRequiredService<IClock>())
            : new UnlimitedSendQuota());

        services.TryAddSingleton<NudgeScheduler>();
        services.TryAddSingleton<NudgeDispatcher>();
        services.TryAddSingleton<NudgeReconciler>();
        services.TryAddSingleton<OverdueSweep>();
        services.TryAddSingleton<PoisonQueueService>();
        services.TryAddSingleton<UserPartitionEditor>();
        services.TryAddSingleton<Users>();
        services.AddOptions<UserCapsOptions>().Bind(configuration.GetSection(UserCapsOptions.SectionName));
        services.TryAddSingleton<UserCaps>();
        services.TryAddSingleton<People>();
        services.TryAddSingleton<Outreach>();
        services.TryAddSingleton<Interactions>();
        services.TryAddSingleton<Schedule>();
        services.TryAddSingleton<Calendar.CalendarFeeds>();
        services.TryAddSingleton<DeliveryReports>();
        services.AddMentorNudgeWebhooks(configuration);
        services.TryAddSingleton<NudgeSender>();
        services.TryAddSingleton<Import.PeopleImport>();
        services.AddMentorNudgeCapture(configuration);

        // The work behind each trigger, shared by the Functions app and the local host.
        services.TryAddSingleton<Triggers.PipelineTimers>();
        services.TryAddSingleton<Triggers.PipelineQueues>();
        return services;
    }
}
