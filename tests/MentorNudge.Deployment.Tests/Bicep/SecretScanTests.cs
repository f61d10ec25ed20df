using MentorNudge.Deployment.Tests.Infrastructure;

namespace MentorNudge.Deployment.Tests.Bicep;

// The scan is what guards against keys in the real template, so it must itself be shown to fire.
public sealed class SecretScanTests
{
    private const string LeakyTemplate = """
        {
          "resources": [
            {
              "type": "Microsoft.Resources/deployments",
              "name": "api",
              "properties": {
                "template": {
                  "resources": [
                    {
                      "type": "Microsoft.Web/sites/config",
                      "name": "[format('{0}/{1}', 'func', 'appsettings')]",
                      "properties": {
                        "AzureWebJobsStorage": "[format('DefaultEndpointsProtocol=https;AccountName=st;AccountKey={0}', listKeys('st', '2025-01-01').keys[0].value)]",
                        "Queue__ConnectionString": "x"
                      }
                    }
                  ]
                }
              }
            }
          ]
        }
        """;

    [Fact]
    public void Findings_KeyInNestedAppSettings_AreReported()
    {
        var findings = SecretScan.Findings(ArmTemplate.Parse(LeakyTemplate));

        Assert.Contains("template contains listKeys", findings);
        Assert.Contains(findings, f => f.StartsWith("AzureWebJobsStorage is a connection string", StringComparison.Ordinal));
        Assert.Contains("AzureWebJobsStorage contains AccountKey=", findings);
        Assert.Contains("Queue__ConnectionString is a connection string setting", findings);
    }

    [Fact]
    public void Resources_NestedDeployment_AreWalked()
    {
        var template = ArmTemplate.Parse(LeakyTemplate);

        Assert.Equal(["Microsoft.Resources/deployments", "Microsoft.Web/sites/config"], template.Resources.Select(r => r.Type));
        Assert.Equal("api", template.Resources[1].Module);
    }
}
