using System.Text.Json;

namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>Finds the ways a template could hand a key or a secret-bearing connection string to the app.</summary>
public static class SecretScan
{
    private static readonly string[] ForbiddenAnywhere = ["listKeys", "listkeys(", "listConnectionStrings", "AccountKey="];

    private static readonly string[] ForbiddenInSettings = ["AccountKey=", "SharedAccessKey", "SharedAccessSignature", "DefaultEndpointsProtocol", "primaryKey", "secondaryKey"];

    // The Application Insights connection string is an address; ingestion needs Entra ID.
    private static readonly HashSet<string> AllowedConnectionStringSettings = ["APPLICATIONINSIGHTS_CONNECTION_STRING"];

    public static IReadOnlyList<string> Findings(ArmTemplate template)
    {
        var findings = new List<string>();
        foreach (var word in ForbiddenAnywhere)
        {
            if (template.Text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"template contains {word}");
            }
        }

        foreach (var settings in template.Resources.Where(IsAppSettings))
        {
            foreach (var setting in settings.Properties.EnumerateObject())
            {
                var value = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString()! : setting.Value.GetRawText();
                if (setting.Name == "AzureWebJobsStorage")
                {
                    findings.Add("AzureWebJobsStorage is a connection string; use the identity-based __ settings");
                }

                if (setting.Name.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
                    && !AllowedConnectionStringSettings.Contains(setting.Name))
                {
                    findings.Add($"{setting.Name} is a connection string setting");
                }

                findings.AddRange(ForbiddenInSettings
                    .Where(word => value.Contains(word, StringComparison.OrdinalIgnoreCase))
                    .Select(word => $"{setting.Name} contains {word}"));
            }
        }

        return findings;
    }

    public static bool IsAppSettings(ArmResource resource) =>
        resource.Type == "Microsoft.Web/sites/config" && resource.Name.Contains("appsettings", StringComparison.Ordinal);
}
