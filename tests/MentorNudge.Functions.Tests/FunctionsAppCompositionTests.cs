using System.Reflection;
using Azure.Core;
using Azure.Identity;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Storage;
using Microsoft.ApplicationInsights;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorNudge.Functions.Tests;

/// <summary>
/// The app Program.cs builds (the same <see cref="FunctionsAppComposition"/>) with the settings
/// infra/app/api.bicep gives it on Azure: identity-based storage, ACS with an endpoint, a user-assigned
/// identity, Application Insights. Nothing here talks to Azure; resolving must not need to.
/// </summary>
public sealed class FunctionsAppCompositionTests
{
    private static Dictionary<string, string?> AzureSettings() => new()
    {
        ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-00000000c11d",
        ["Storage:AccountName"] = "stmentornudge",
        ["Storage:TableServiceUri"] = "https://stmentornudge.table.core.windows.net/",
        ["Storage:QueueServiceUri"] = "https://stmentornudge.queue.core.windows.net/",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        ["Email:Provider"] = "acs",
        ["Email:Acs:Endpoint"] = "https://acs-mentornudge.europe.communication.azure.com/",
        ["Email:Acs:SenderAddress"] = "donotreply@mentornudge.example.com",
        ["App:PublicBaseUrl"] = "https://func-mentornudge.azurewebsites.net",
        ["MentorNudge:Api:AdminKey"] = "admin-key-resolved-from-key-vault-0123456789",
        ["MentorNudge:Api:EventGridKey"] = "event-grid-key-resolved-from-key-vault-0123",
        ["Security:ActionSigningKey"] = "signing-key-resolved-from-key-vault-0123456789",
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMentorNudgeFunctionsApp();
        return builder.Build();
    }

    [Fact]
    public void AddMentorNudgeFunctionsApp_AzureSettings_ValidatesAndResolvesEveryFunctionClass()
    {
        using var host = Build(AzureSettings());
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var functionClasses = typeof(FunctionsAppComposition).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.True(functionClasses.Count >= 20, $"found only {functionClasses.Count} function classes");
        using var scope = host.Services.CreateScope();
        Assert.All(functionClasses, type => Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)));
    }

    [Fact]
    public void AddMentorNudgeFunctionsApp_AzureSettings_OneCredentialForStorageAndEmailAndATelemetryClient()
    {
        using var host = Build(AzureSettings());

        Assert.IsType<DefaultAzureCredential>(host.Services.GetRequiredService<TokenCredential>());
        var storage = host.Services.GetRequiredService<StorageClients>();
        Assert.Equal("stmentornudge.table.core.windows.net", storage.TableService.Uri.Host);
        Assert.Equal("acs", host.Services.GetRequiredService<IEmailSender>().Name);
        Assert.NotNull(host.Services.GetRequiredService<TelemetryClient>());
    }

    [Fact]
    public void AddMentorNudgeFunctionsApp_Logging_LetsInformationReachApplicationInsights()
    {
        using var host = Build(AzureSettings());

        var rules = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;

        Assert.DoesNotContain(rules, r => r.ProviderName == FunctionsAppComposition.ApplicationInsightsLoggerProvider && r.LogLevel >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("Storage:NudgeQueueName", "other-nudges")]
    [InlineData("Storage:WebhookQueueName", "other-webhooks")]
    public void AddMentorNudgeFunctionsApp_QueueNameOffTheTrigger_FailsNamingTheSetting(string setting, string value)
    {
        var settings = AzureSettings();
        settings[setting] = value;
        using var host = Build(settings);

        var e = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
    }
}
