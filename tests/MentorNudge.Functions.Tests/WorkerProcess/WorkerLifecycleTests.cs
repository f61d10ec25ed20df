namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>Start-up and shutdown of the built worker: a clean terminate, and a loud refusal of bad settings.</summary>
[Trait("Category", "WorkerProcess")]
[Collection(WorkerProcessCollection.Name)]
public sealed class WorkerLifecycleTests(WorkerProcessFixture fixture)
{
    [Fact]
    public async Task WorkerTerminate_AfterAnInvocation_ExitsCleanly()
    {
        await using var host = await WorkerHost.StartLoadedAsync(fixture.Artifact, fixture.Settings);
        var (health, _) = await host.InvokeHttpAsync("Health", new HttpRequestMessage(HttpMethod.Get, "/api/health"));
        Assert.True(health.IsSuccessStatusCode, host.Describe());

        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(5));

        Assert.True(exitCode == 0, $"exit code {exitCode}" + host.Describe());
        Assert.Empty(host.Failures());
    }

    // One process per case is slow, so only the two headline cases run here; every message is
    // covered by the validators' unit tests (tests/MentorNudge.Infrastructure.Tests/DependencyInjection).
    [Theory]
    [InlineData("Security:ActionSigningKey", "@Microsoft.KeyVault(SecretUri=https://kv-mentornudge.vault.azure.net/secrets/action-signing-key/)", "Security:ActionSigningKey")]
    [InlineData("Email:Provider", "acs", "Email:Acs:SenderAddress")]
    public async Task Start_BadSetting_ExitsNamingTheSetting(string setting, string value, string named)
    {
        var settings = new Dictionary<string, string?>(fixture.Settings) { [setting] = value };
        if (value == "acs")
        {
            // ACS with an endpoint (identity) but no sender address.
            settings["Email:Acs:Endpoint"] = "https://acs-mentornudge.europe.communication.azure.com/";
        }

        await using var host = await WorkerHost.StartAsync(fixture.Artifact, settings);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(host.Output, line => line.Contains(named, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Output, line => line.Contains(fixture.Settings["MentorNudge:Api:AdminKey"]!, StringComparison.Ordinal));
    }
}
