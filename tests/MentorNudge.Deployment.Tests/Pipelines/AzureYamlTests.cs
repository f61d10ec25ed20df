using MentorNudge.Deployment.Tests.Infrastructure;

namespace MentorNudge.Deployment.Tests.Pipelines;

public sealed class AzureYamlTests
{
    [Fact]
    public void Service_Api_IsTheFunctionsProjectOnAFunctionHost()
    {
        var root = Yaml.Load(RepoPaths.Get("azure.yaml"));
        var api = root.Child("services")!.Child("api");

        Assert.NotNull(api);
        Assert.Equal("function", api.Scalar("host"));
        Assert.Equal("dotnet", api.Scalar("language"));
        Assert.Equal("./functions/MentorNudge.Functions", api.Scalar("project"));
        var project = RepoPaths.Get("functions", "MentorNudge.Functions");
        Assert.NotEmpty(Directory.EnumerateFiles(project, "*.csproj"));
    }

    [Fact]
    public void Infra_Section_PointsAtMainBicep()
    {
        var infra = Yaml.Load(RepoPaths.Get("azure.yaml")).Child("infra");

        Assert.NotNull(infra);
        Assert.Equal("bicep", infra.Scalar("provider"));
        Assert.True(File.Exists(RepoPaths.Get(infra.Scalar("path")!, infra.Scalar("module")! + ".bicep")));
    }

    [Fact]
    public void Service_Name_MatchesTheTagTheTemplateSets()
    {
        // azd finds the app to deploy by the azd-service-name tag, which api.bicep sets from serviceName.
        var services = Yaml.Load(RepoPaths.Get("azure.yaml")).Child("services").Entries().Select(e => e.Key.ToString());
        var api = File.ReadAllText(Path.Combine(RepoPaths.Infra, "app", "api.bicep"));

        Assert.Equal(["api"], services);
        Assert.Contains("param serviceName string = 'api'", api, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name': serviceName", api, StringComparison.Ordinal);
    }
}
