using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using MentorNudge.Infrastructure.Email.Acs;
using MentorNudge.Infrastructure.Email.Outbox;
using MentorNudge.Infrastructure.Email.Pacing;
using MentorNudge.Infrastructure.Email.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.Email;

/// <summary>Registers the email sender chosen by <c>Email:Provider</c> and the quota pacer.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>The provider names accepted in <c>Email:Provider</c>.</summary>
    public static readonly IReadOnlyList<string> Providers = ["acs", "smtp", "outbox"];

    /// <summary>
    /// Binds <paramref name="emailSection"/> (the <c>Email</c> section): <c>Provider</c> = acs | smtp |
    /// outbox (default outbox), and the <c>Acs</c>, <c>Smtp</c>, <c>Outbox</c>, <c>Quota</c> sub-sections.
    /// Options are validated at start-up. <see cref="IEmailPacer"/> needs a registered
    /// <see cref="TableServiceClient"/>; the ACS sender with an endpoint uses a registered
    /// <see cref="TokenCredential"/> (the composition root registers one, honouring <c>AZURE_CLIENT_ID</c>), else <see cref="DefaultAzureCredential"/>.
    /// </summary>
    public static IServiceCollection AddMentorNudgeEmail(this IServiceCollection services, IConfiguration emailSection)
    {
        ArgumentNullException.ThrowIfNull(emailSection);
        var provider = (emailSection["Provider"] ?? "").Trim().ToLowerInvariant();
        if (provider.Length == 0)
        {
            provider = "outbox";
        }

        if (!Providers.Contains(provider))
        {
            throw new InvalidOperationException($"Email:Provider must be one of acs, smtp or outbox (was '{emailSection["Provider"]}').");
        }

        services.TryAddSingleton<IClock>(SystemClock.Instance);

        services.AddOptions<EmailQuotaOptions>().Bind(emailSection.GetSection("Quota")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailQuotaOptions>, EmailQuotaOptionsValidator>());
        services.TryAddSingleton<IEmailPacer>(sp => new TableEmailPacer(
            sp.GetService<TableServiceClient>() ?? throw new InvalidOperationException("The email pacer needs a TableServiceClient registered (storage connection)."),
            sp.GetRequiredService<IOptions<EmailQuotaOptions>>(),
            sp.GetRequiredService<ILogger<TableEmailPacer>>()));

        switch (provider)
        {
            case "acs":
                services.AddOptions<AcsEmailOptions>().Bind(emailSection.GetSection("Acs")).ValidateOnStart();
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AcsEmailOptions>, AcsEmailOptionsValidator>());
                services.AddSingleton<IEmailSender>(sp =>
                {
                    var options = sp.GetRequiredService<IOptions<AcsEmailOptions>>();
                    // With an endpoint, the app's one credential (AddMentorNudgeAzureCredential, or the default chain).
                    var credential = string.IsNullOrWhiteSpace(options.Value.ConnectionString)
                        ? sp.GetService<TokenCredential>() ?? new DefaultAzureCredential()
                        : null;

                    return new AcsEmailSender(options, sp.GetRequiredService<IClock>(), sp.GetRequiredService<ILogger<AcsEmailSender>>(), credential);
                });
                break;
            case "smtp":
                services.AddOptions<SmtpEmailOptions>().Bind(emailSection.GetSection("Smtp")).ValidateOnStart();
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpEmailOptions>, SmtpEmailOptionsValidator>());
                services.AddSingleton<IEmailSender, SmtpEmailSender>();
                break;
            default:
                services.AddOptions<OutboxEmailOptions>().Bind(emailSection.GetSection("Outbox")).ValidateOnStart();
                services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxEmailOptions>, OutboxEmailOptionsValidator>());
                services.AddSingleton<IEmailSender, OutboxEmailSender>();
                break;
        }

        return services;
    }
}
