using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorNudge.Infrastructure.DependencyInjection;

/// <summary>
/// The one place the Azure <see cref="TokenCredential"/> is chosen, for every Azure client the app
/// builds (tables, queues, ACS email). Key Vault secrets reach the app as settings the platform
/// resolves with the same identity (<c>keyVaultReferenceIdentity</c>), so the app holds no Key Vault client.
/// </summary>
public static class AzureCredentialServiceCollectionExtensions
{
    /// <summary>The setting that names a user-assigned managed identity by its client id (as on Azure).</summary>
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>
    /// Registers a <see cref="DefaultAzureCredential"/> unless the host registered a credential first.
    /// A non-empty <c>AZURE_CLIENT_ID</c> in <paramref name="configuration"/> picks that user-assigned
    /// identity; without it the credential's own default applies (which also reads the variable).
    /// Never set <c>ManagedIdentityClientId</c> to null explicitly: that asks for a system-assigned
    /// identity, which the deployed app does not have.
    /// </summary>
    public static IServiceCollection AddMentorNudgeAzureCredential(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<TokenCredential>(_ => CreateCredential(configuration[ClientIdSetting]));
        return services;
    }

    /// <summary>The credential for <paramref name="clientId"/> (a user-assigned identity), or the default chain.</summary>
    public static DefaultAzureCredential CreateCredential(string? clientId)
    {
        var options = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            options.ManagedIdentityClientId = clientId.Trim();
            options.WorkloadIdentityClientId = clientId.Trim();
        }

        return new DefaultAzureCredential(options);
    }
}
