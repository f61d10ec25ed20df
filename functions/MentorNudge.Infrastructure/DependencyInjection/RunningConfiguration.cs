using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace MentorNudge.Infrastructure.DependencyInjection;

/// <summary>
/// What <c>/api/health</c> reports about the configuration the app runs with: which providers and
/// names are in use and whether optional pieces are switched on. Never a secret, a key or a
/// connection string.
/// </summary>
/// <param name="EmailProvider"><c>acs</c>, <c>smtp</c> or <c>outbox</c>.</param>
/// <param name="StorageAuthentication"><c>connectionString</c> or <c>managedIdentity</c>.</param>
/// <param name="StorageAccount">The account name with a managed identity (never read from a connection string).</param>
/// <param name="Identity"><c>userAssigned</c> when <c>AZURE_CLIENT_ID</c> is set, else <c>default</c>.</param>
/// <param name="TablePrefix">Prefix of every table name.</param>
/// <param name="NudgeQueue">The queue the dispatcher fills.</param>
/// <param name="WebhookQueue">The queue of outbound webhook deliveries.</param>
/// <param name="PublicBaseUrl">Where email action links point.</param>
/// <param name="ApplicationInsights">Whether telemetry has a connection string.</param>
/// <param name="DeliveryReportKey">Whether the ACS delivery-report hook requires its key.</param>
public sealed record RunningConfiguration(
    string EmailProvider,
    string StorageAuthentication,
    string? StorageAccount,
    string Identity,
    string TablePrefix,
    string NudgeQueue,
    string WebhookQueue,
    string? PublicBaseUrl,
    bool ApplicationInsights,
    bool DeliveryReportKey)
{
    /// <summary>Whether BCC capture is on (<c>MentorNudge:Capture:InboundDomain</c> is set).</summary>
    public bool Capture { get; init; }

    /// <summary>Reads the report from <paramref name="configuration"/> and the bound <paramref name="storage"/> options.</summary>
    public static RunningConfiguration From(IConfiguration configuration, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        var identityStorage = string.IsNullOrWhiteSpace(storage.ConnectionString);
        var provider = configuration["Email:Provider"]?.Trim().ToLowerInvariant();
        return new RunningConfiguration(
            string.IsNullOrEmpty(provider) ? "outbox" : provider,
            identityStorage ? "managedIdentity" : "connectionString",
            identityStorage ? storage.AccountName ?? storage.ResolveTableServiceUri()?.Host : null,
            string.IsNullOrWhiteSpace(configuration[AzureCredentialServiceCollectionExtensions.ClientIdSetting]) ? "default" : "userAssigned",
            storage.TablePrefix,
            storage.NudgeQueueName,
            storage.WebhookQueueName,
            configuration["App:PublicBaseUrl"],
            !string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]),
            !string.IsNullOrWhiteSpace(configuration["MentorNudge:Api:EventGridKey"]))
        {
            Capture = !string.IsNullOrWhiteSpace(configuration["MentorNudge:Capture:InboundDomain"]),
        };
    }
}
