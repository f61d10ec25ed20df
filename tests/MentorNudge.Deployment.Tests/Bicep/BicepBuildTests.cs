using System.Text.Json;
using MentorNudge.Deployment.Tests.Infrastructure;

namespace MentorNudge.Deployment.Tests.Bicep;

[Collection(CompiledInfraCollection.Name)]
public sealed class BicepBuildTests(CompiledInfra infra)
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Infra, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Build_EachBicepFile_SucceedsWithoutWarningsOrErrors(string file)
    {
        var result = infra.Results[file];

        Assert.True(result.ExitCode == 0, $"bicep build {file} exited {result.ExitCode}:\n{result.StandardError}");
        Assert.DoesNotContain("Warning", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(result.OutputFile), "no compiled template for " + file);
        using var compiled = JsonDocument.Parse(File.ReadAllText(result.OutputFile));
        Assert.True(compiled.RootElement.TryGetProperty("resources", out _), file + " compiled without resources");
    }

    [Fact]
    public void Build_Infra_CoversMainAndEveryModule()
    {
        var expected = new[]
        {
            "main.bicep", "app/api.bicep", "app/communication.bicep", "app/eventgrid.bicep", "app/identity.bicep",
            "app/keyvault.bicep", "app/monitoring.bicep", "app/rbac.bicep", "app/storage.bicep",
        };

        Assert.Superset(expected.ToHashSet(), infra.Results.Keys.ToHashSet());
    }

    [Fact]
    public void Build_Output_IsWrittenOutsideTheRepository()
    {
        foreach (var result in infra.Results.Values)
        {
            Assert.False(
                Path.GetFullPath(result.OutputFile).StartsWith(RepoPaths.Root, StringComparison.Ordinal),
                result.OutputFile + " was written into the repository");
        }

        var committedJson = Directory.EnumerateFiles(RepoPaths.Infra, "*.json", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["abbreviations.json", "bicepconfig.json", "main.parameters.json"], committedJson);
    }

    [Fact]
    public void BicepConfig_LinterRules_AreErrors()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "bicepconfig.json")));
        var core = config.RootElement.GetProperty("analyzers").GetProperty("core");

        Assert.True(core.GetProperty("enabled").GetBoolean());
        var rules = core.GetProperty("rules").EnumerateObject().ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal("error", rule.Value.GetProperty("level").GetString()));
    }
}
