using System.Text.Json;
using MentorNudge.Deployment.Tests.Infrastructure;

// Longer than ~300 lines on purpose: the checklist of the compiled main template, one short test per
// property, all over the one compiled template; it reads top to bottom like the template itself.
namespace MentorNudge.Deployment.Tests.Bicep;

[Collection(CompiledInfraCollection.Name)]
public sealed class MainTemplateTests(CompiledInfra infra)
{
    private ArmTemplate Main => infra.RequireMain();

    [Fact]
    public void Template_Everywhere_HasNoKeysOrSecretConnectionStrings()
    {
        Assert.Empty(SecretScan.Findings(Main));
    }

    [Fact]
    public void StorageAccount_Security_DisallowsSharedKeysAndPublicBlobs()
    {
        var storage = Main.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal(JsonValueKind.False, storage.Property("allowSharedKeyAccess")?.ValueKind);
        Assert.Equal(JsonValueKind.False, storage.Property("allowBlobPublicAccess")?.ValueKind);
        Assert.Equal("TLS1_2", storage.Text("minimumTlsVersion"));
        Assert.Equal(JsonValueKind.True, storage.Property("supportsHttpsTrafficOnly")?.ValueKind);
    }

    [Fact]
    public void StorageAccount_Queues_IncludeWorkQueuesAndPoisonQueues()
    {
        var queues = Main.Single("Microsoft.Storage/storageAccounts/queueServices/queues");
        var names = queues.Template.GetProperty("parameters").GetProperty("queueNames").GetProperty("defaultValue")
            .EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(["nudges", "nudges-poison", "webhooks", "webhooks-poison"], names);
        Assert.Contains("queueNames", queues.Element.GetProperty("copy").GetProperty("count").GetString(), StringComparison.Ordinal);
        Assert.Single(Main.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.Single(Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
    }

    [Fact]
    public void Plan_Sku_IsFlexConsumption()
    {
        var plan = Main.Single("Microsoft.Web/serverfarms");
        var sku = plan.Element.GetProperty("sku");

        Assert.Equal("FC1", sku.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", sku.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.True, plan.Property("reserved")?.ValueKind);
    }

    [Fact]
    public void FunctionApp_Transport_IsHttpsOnlyWithoutFtp()
    {
        var site = Main.Single("Microsoft.Web/sites");

        Assert.Equal(JsonValueKind.True, site.Property("httpsOnly")?.ValueKind);
        Assert.Equal("Disabled", site.Text("siteConfig", "ftpsState"));
        Assert.Equal("1.2", site.Text("siteConfig", "minTlsVersion"));
        var basicAuth = Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, p => Assert.Equal(JsonValueKind.False, p.Property("allow")?.ValueKind));
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10OnFlexConfig()
    {
        var site = Main.Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", site.Element.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", site.Text("functionAppConfig", "runtime", "name"));
        Assert.Equal("10.0", site.Text("functionAppConfig", "runtime", "version"));
        Assert.NotNull(site.Property("functionAppConfig", "scaleAndConcurrency", "maximumInstanceCount"));
        Assert.NotNull(site.Property("functionAppConfig", "scaleAndConcurrency", "instanceMemoryMB"));
        Assert.Equal("blobContainer", site.Text("functionAppConfig", "deployment", "storage", "type"));
        Assert.Equal("UserAssignedIdentity", site.Text("functionAppConfig", "deployment", "storage", "authentication", "type"));
    }

    [Fact]
    public void FunctionApp_Identity_IsUserAssignedAndResolvesKeyVaultReferences()
    {
        var site = Main.Single("Microsoft.Web/sites");
        var identityParameter = "[parameters('identityId')]";

        Assert.Equal("UserAssigned", site.Element.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal(identityParameter, site.Properties.GetProperty("keyVaultReferenceIdentity").GetString());
        Assert.Equal(identityParameter, site.Properties.GetProperty("functionAppConfig").GetProperty("deployment")
            .GetProperty("storage").GetProperty("authentication").GetProperty("userAssignedIdentityResourceId").GetString());
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__blobServiceUri")]
    [InlineData("AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__tableServiceUri")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("Storage__TableServiceUri")]
    [InlineData("Storage__QueueServiceUri")]
    [InlineData("AZURE_CLIENT_ID")]
    [InlineData("Email__Acs__Endpoint")]
    [InlineData("Email__Acs__SenderAddress")]
    [InlineData("App__PublicBaseUrl")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public void AppSettings_RequiredSetting_IsPresent(string name)
    {
        var value = AppSettings().Text(name);

        Assert.False(string.IsNullOrWhiteSpace(value), name + " is missing");
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("Email__Provider", "acs")]
    public void AppSettings_FixedSetting_HasValue(string name, string expected)
    {
        Assert.Equal(expected, AppSettings().Text(name));
    }

    [Fact]
    public void AppSettings_ApplicationInsights_AuthenticatesWithEntraId()
    {
        var value = AppSettings().Text("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");

        Assert.NotNull(value);
        Assert.Contains("ClientId=", value, StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MentorNudge__Api__AdminKey")]
    [InlineData("Security__ActionSigningKey")]
    [InlineData("MentorNudge__Api__EventGridKey")]
    [InlineData("MentorNudge__Capture__HookSecret")]
    public void AppSettings_Secret_IsKeyVaultReference(string name)
    {
        var value = AppSettings().Text(name);

        Assert.NotNull(value);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_FlexConsumption_OmitsSettingsThePlanRejects()
    {
        var names = AppSettings().Properties.EnumerateObject().Select(p => p.Name).ToList();

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", names);
        Assert.DoesNotContain("AzureWebJobsStorage", names);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")]
    [InlineData("09976791-48a7-449e-bb21-39d1a415f350", "Microsoft.Communication/communicationServices")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")]
    public void RoleAssignments_AppIdentity_HasRoleOnItsResource(string roleId, string scopeType)
    {
        var matches = RoleAssignments()
            .Where(r => r.Text("roleDefinitionId")!.Contains(roleId, StringComparison.Ordinal)
                && PrincipalOf(r) == "[parameters('managedIdentityPrincipalId')]")
            .ToList();

        var assignment = Assert.Single(matches);
        Assert.Equal("ServicePrincipal", assignment.Text("principalType"));
        Assert.Contains(scopeType, assignment.Element.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.False(assignment.Element.TryGetProperty("condition", out _), "the app identity's roles are unconditional");
        AssertGuidName(assignment);
    }

    [Fact]
    public void RoleAssignments_DeployingPrincipal_AreOptionalAndNamedByGuid()
    {
        var userAssignments = RoleAssignments()
            .Where(r => PrincipalOf(r) == "[parameters('userPrincipalId')]")
            .ToList();

        Assert.NotEmpty(userAssignments);
        Assert.All(userAssignments, r =>
        {
            Assert.True(r.Element.TryGetProperty("condition", out _), "deploying-principal roles depend on a principal id");
            AssertGuidName(r);
        });
    }

    [Fact]
    public void KeyVault_AccessModel_IsRbacWithSoftDeleteAndPurgeProtection()
    {
        var vault = Main.Single("Microsoft.KeyVault/vaults");

        Assert.Equal(JsonValueKind.True, vault.Property("enableRbacAuthorization")?.ValueKind);
        Assert.Equal(JsonValueKind.True, vault.Property("enableSoftDelete")?.ValueKind);
        Assert.Equal(JsonValueKind.True, vault.Property("enablePurgeProtection")?.ValueKind);
        Assert.False(vault.Properties.TryGetProperty("accessPolicies", out var policies) && policies.GetArrayLength() > 0);
        Assert.Equal(4, Main.OfType("Microsoft.KeyVault/vaults/secrets").Count());
    }

    [Theory]
    [InlineData("adminKey")]
    [InlineData("actionSigningKey")]
    [InlineData("eventGridKey")]
    [InlineData("captureHookSecret")]
    public void Parameters_Secret_IsSecureWithGeneratedDefault(string name)
    {
        var parameter = Main.Root.GetProperty("parameters").GetProperty(name);

        Assert.Equal("securestring", parameter.GetProperty("type").GetString());
        Assert.Contains("newGuid()", parameter.GetProperty("defaultValue").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Main.Root.GetProperty("outputs").EnumerateObject(), o => o.Value.GetRawText().Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabled()
    {
        var insights = Main.Single("Microsoft.Insights/components");

        Assert.Equal(JsonValueKind.True, insights.Property("DisableLocalAuth")?.ValueKind);
        Assert.NotNull(insights.Property("WorkspaceResourceId"));
        Assert.Single(Main.OfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Communication_Email_LinksADomainWithDonotreplySender()
    {
        var acs = Main.Single("Microsoft.Communication/communicationServices");
        var domains = Main.OfType("Microsoft.Communication/emailServices/domains").ToList();
        var senders = Main.OfType("Microsoft.Communication/emailServices/domains/senderUsernames").ToList();

        Assert.Equal(JsonValueKind.Array, acs.Properties.GetProperty("linkedDomains").ValueKind);
        Assert.Contains(domains, d => d.Text("domainManagement") == "AzureManaged" && d.Name.Contains("AzureManagedDomain", StringComparison.Ordinal));
        Assert.Contains(domains, d => d.Text("domainManagement") == "CustomerManaged" && d.Element.TryGetProperty("condition", out _));
        Assert.All(senders, s => Assert.Equal("donotreply", s.Text("username")));
        Assert.Single(Main.OfType("Microsoft.Communication/emailServices"));
    }

    [Fact]
    public void EventGrid_DeliveryReports_GoToTheAcsHook()
    {
        var topic = Main.Single("Microsoft.EventGrid/systemTopics");
        var subscription = Main.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal("Microsoft.Communication.CommunicationServices", topic.Text("topicType"));
        Assert.Equal("WebHook", subscription.Text("destination", "endpointType"));
        Assert.Contains("/api/v1/hooks/acs", subscription.Text("destination", "properties", "endpointUrl"), StringComparison.Ordinal);
        Assert.Contains("https://", Main.Single("Microsoft.Web/sites").Template.GetProperty("outputs").GetProperty("uri").GetProperty("value").GetString(), StringComparison.Ordinal);
        var types = subscription.Properties.GetProperty("filter").GetProperty("includedEventTypes").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["Microsoft.Communication.EmailDeliveryReportReceived"], types);
        var header = Assert.Single(subscription.Properties.GetProperty("destination").GetProperty("properties").GetProperty("deliveryAttributeMappings").EnumerateArray());
        Assert.Equal("X-MentorNudge-Key", header.GetProperty("name").GetString());
        Assert.True(header.GetProperty("properties").GetProperty("isSecret").GetBoolean());
    }

    [Fact]
    public void EventGrid_DeliveryReports_CarryTheHookKeyAsSecretHeader()
    {
        var subscription = Main.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        var mapping = Assert.Single(subscription.Properties.GetProperty("destination").GetProperty("properties").GetProperty("deliveryAttributeMappings").EnumerateArray());
        Assert.Equal("X-MentorNudge-Key", mapping.GetProperty("name").GetString());
        Assert.Equal("Static", mapping.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.True, mapping.GetProperty("properties").GetProperty("isSecret").ValueKind);
        Assert.Contains("eventGridKey", mapping.GetProperty("properties").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Communication_CustomDomain_LinkedOnlyOnceVerified()
    {
        var acs = Main.Single("Microsoft.Communication/communicationServices");

        var linked = acs.Properties.GetProperty("linkedDomains").GetRawText();
        Assert.Contains("sendFromCustomDomain", linked, StringComparison.Ordinal);
        var variables = acs.Template.GetProperty("variables").GetProperty("sendFromCustomDomain").GetString();
        Assert.Contains("customEmailDomainVerified", variables, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.False, Main.Root.GetProperty("parameters").GetProperty("customEmailDomainVerified").GetProperty("defaultValue").ValueKind);
    }

    [Fact]
    public void Parameters_EveryTemplate_DescribesEveryParameter()
    {
        var templates = new List<(string Name, JsonElement Template)> { ("main", Main.Root) };
        templates.AddRange(Main.OfType("Microsoft.Resources/deployments")
            .Select(d => (d.Name, d.Properties.GetProperty("template"))));

        Assert.True(templates.Count >= 9, "expected main plus eight modules");
        foreach (var (name, template) in templates)
        {
            foreach (var parameter in template.GetProperty("parameters").EnumerateObject())
            {
                var described = parameter.Value.TryGetProperty("metadata", out var metadata)
                    && metadata.TryGetProperty("description", out var description)
                    && !string.IsNullOrWhiteSpace(description.GetString());
                Assert.True(described, $"parameter {parameter.Name} of {name} has no @description");
            }
        }
    }

    [Theory]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("SERVICE_API_NAME")]
    [InlineData("SERVICE_API_URI")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_ACS_ENDPOINT")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    public void Outputs_ForAzd_ArePresent(string name)
    {
        Assert.True(Main.Root.GetProperty("outputs").TryGetProperty(name, out _), name + " output is missing");
    }

    [Fact]
    public void Outputs_DeployingPrincipalVariables_AreNotOverwritten()
    {
        // azd writes outputs into the environment; AZURE_CLIENT_ID there is the pipeline's identity.
        var outputs = Main.Root.GetProperty("outputs").EnumerateObject().Select(o => o.Name);

        Assert.DoesNotContain("AZURE_CLIENT_ID", outputs);
        Assert.DoesNotContain("AZURE_PRINCIPAL_ID", outputs);
    }

    [Fact]
    public void ParametersFile_EveryEntry_IsAParameterOfMain()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")));
        var given = file.RootElement.GetProperty("parameters");
        var declared = Main.Root.GetProperty("parameters");

        foreach (var parameter in given.EnumerateObject())
        {
            Assert.True(declared.TryGetProperty(parameter.Name, out _), parameter.Name + " is not a parameter of main.bicep");
        }

        Assert.Equal("${AZURE_ENV_NAME}", given.GetProperty("environmentName").GetProperty("value").GetString());
        Assert.Equal("${AZURE_LOCATION}", given.GetProperty("location").GetProperty("value").GetString());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", given.GetProperty("principalId").GetProperty("value").GetString());
    }

    private ArmResource AppSettings() => Assert.Single(Main.Resources, SecretScan.IsAppSettings);

    private List<ArmResource> RoleAssignments() => Main.OfType("Microsoft.Authorization/roleAssignments").ToList();

    // The parameter as written in the rbac module, before the caller's value is substituted.
    private static string? PrincipalOf(ArmResource assignment) => assignment.Properties.GetProperty("principalId").GetString();

    private static void AssertGuidName(ArmResource assignment) =>
        Assert.StartsWith("[guid(", assignment.Name, StringComparison.Ordinal);
}
