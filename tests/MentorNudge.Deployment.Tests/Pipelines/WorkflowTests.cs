using MentorNudge.Deployment.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace MentorNudge.Deployment.Tests.Pipelines;

public sealed class WorkflowTests
{
    private static readonly string Workflows = RepoPaths.Get(".github", "workflows");

    [Fact]
    public void Ci_Steps_RunTheCiScriptOnDotnet10AndNode20()
    {
        var steps = StepsOf(Path.Combine(Workflows, "ci.yml"), out var job);

        Assert.Equal("ubuntu-latest", job.Scalar("runs-on"));
        var dotnet = Assert.Single(steps, s => Uses(s, "actions/setup-dotnet@"));
        Assert.StartsWith("10", dotnet.Child("with")!.Scalar("dotnet-version"), StringComparison.Ordinal);
        var node = Assert.Single(steps, s => Uses(s, "actions/setup-node@"));
        Assert.Equal("20", node.Child("with")!.Scalar("node-version"));
        Assert.Single(steps, s => s.Scalar("run")?.Trim() == "bash .ci/run");
        var upload = Assert.Single(steps, s => Uses(s, "actions/upload-artifact@"));
        Assert.Equal("always()", upload.Scalar("if"));
        Assert.Equal("artifacts/", upload.Child("with")!.Scalar("path"));
        Assert.True(File.Exists(RepoPaths.Get(".ci", "run")), ".ci/run is missing");
    }

    [Fact]
    public void Deploy_Trigger_OnlyACommitWhoseCiPassed()
    {
        var root = Yaml.Load(Path.Combine(Workflows, "deploy.yml"));
        var steps = StepsOf(Path.Combine(Workflows, "deploy.yml"), out var job);

        var on = root.Child("on")!;
        Assert.Null(on.Child("push"));
        Assert.Equal("ci", Assert.IsType<YamlScalarNode>(Assert.Single(on.Child("workflow_run")!.Child("workflows").Items())).Value);
        Assert.Contains("workflow_run.conclusion == 'success'", job.Scalar("if"), StringComparison.Ordinal);
        var gate = steps.FindIndex(s => s.Scalar("run")?.Contains("gh run list", StringComparison.Ordinal) == true);
        var checkout = steps.FindIndex(s => Uses(s, "actions/checkout@"));
        Assert.True(gate >= 0 && gate < checkout, "the ci gate must run before anything is checked out");
        Assert.Contains("--status success", steps[gate].Scalar("run"), StringComparison.Ordinal);
        Assert.Equal("${{ env.DEPLOY_SHA }}", steps[checkout].Child("with")!.Scalar("ref"));
    }

    [Fact]
    public void Deploy_Authentication_UsesFederatedCredentials()
    {
        var root = Yaml.Load(Path.Combine(Workflows, "deploy.yml"));
        var steps = StepsOf(Path.Combine(Workflows, "deploy.yml"), out _);

        Assert.Equal("write", root.Child("permissions")!.Scalar("id-token"));
        var login = Assert.Single(steps, s => s.Scalar("run")?.Contains("azd auth login", StringComparison.Ordinal) == true);
        Assert.Contains("--federated-credential-provider github", login.Scalar("run"), StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(Workflows, "deploy.yml"));
        Assert.DoesNotContain("secrets.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--client-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_Steps_ProvisionThenDeployWithoutPrompts()
    {
        var runs = StepsOf(Path.Combine(Workflows, "deploy.yml"), out _)
            .Select(s => s.Scalar("run")?.Trim())
            .Where(r => r is not null)
            .ToList();

        var provision = runs.FindIndex(r => r == "azd provision --no-prompt");
        var deploy = runs.FindIndex(r => r == "azd deploy --no-prompt");
        Assert.True(provision >= 0, "azd provision --no-prompt is missing");
        Assert.True(deploy > provision, "azd deploy --no-prompt must follow provision");
    }

    [Theory]
    [InlineData("AZURE_CLIENT_ID")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_SUBSCRIPTION_ID")]
    [InlineData("AZURE_ENV_NAME")]
    [InlineData("AZURE_LOCATION")]
    public void Deploy_Environment_ComesFromRepositoryVariables(string name)
    {
        StepsOf(Path.Combine(Workflows, "deploy.yml"), out var job);

        Assert.Equal($"${{{{ vars.{name} }}}}", job.Child("env")!.Scalar(name));
    }

    private static bool Uses(YamlNode step, string prefix) =>
        step.Scalar("uses")?.StartsWith(prefix, StringComparison.Ordinal) == true;

    private static List<YamlNode> StepsOf(string workflow, out YamlNode job)
    {
        var root = Yaml.Load(workflow);
        Assert.NotNull(root.Child("on"));
        job = Assert.Single(root.Child("jobs").Entries()).Value;
        var steps = job.Child("steps").Items().ToList();
        Assert.NotEmpty(steps);
        return steps;
    }
}
