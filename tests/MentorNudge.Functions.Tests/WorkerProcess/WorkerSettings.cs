using System.Security.Cryptography;

namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>
/// The app settings infra/app/api.bicep gives the deployed app, with local stand-ins where Azure
/// has no local equivalent: Azurite's connection string for the identity-based storage endpoints
/// (Azurite accepts tokens only over HTTPS), the outbox for ACS, a dead loopback ingestion
/// endpoint for Application Insights. <c>AZURE_CLIENT_ID</c> is set as on Azure.
/// </summary>
public static class WorkerSettings
{
    public static Dictionary<string, string?> ProductionShaped(string storageConnectionString, string outboxFolder) => new()
    {
        ["AzureWebJobsStorage"] = storageConnectionString,
        ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-00000000c11d",
        ["Storage:ConnectionString"] = storageConnectionString,
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        ["Email:Provider"] = "outbox",
        ["Email:Outbox:Folder"] = outboxFolder,
        ["App:PublicBaseUrl"] = "https://mentornudge.example.test",
        ["MentorNudge:Api:AdminKey"] = Secret(),
        ["MentorNudge:Api:EventGridKey"] = Secret(),
        ["Security:ActionSigningKey"] = Secret(),
        ["MentorNudge:Capture:InboundDomain"] = "in.mentornudge.example.test",
        ["MentorNudge:Capture:HookSecret"] = Secret(),
    };

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}
