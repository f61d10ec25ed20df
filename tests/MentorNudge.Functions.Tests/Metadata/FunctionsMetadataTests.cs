using System.Text.Json;
using MentorNudge.Api.Routing;
using MentorNudge.Web;

namespace MentorNudge.Functions.Tests.Metadata;

/// <summary>Checks the functions.metadata the Functions SDK generates at build, which is what the host indexes.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(Load);

    private static readonly Lazy<string> RoutePrefix = new(() =>
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot().FullName, "host.json")));
        return host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;
    });

    private static DirectoryInfo RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MentorNudge.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return root;
    }

    // The URL path the Functions host serves a trigger at: its route below host.json's route prefix.
    private static string PublicPath(JsonElement trigger) =>
        "/" + (RoutePrefix.Value.Length == 0 ? "" : RoutePrefix.Value + "/") + trigger.GetProperty("route").GetString();

    private static JsonElement[] Load()
    {
        // The Functions project's own build output: bin/<config>/net10.0/ next to this test's.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var root = RepositoryRoot();
        var path = Path.Combine(root.FullName, "functions", "MentorNudge.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; build the Functions project.");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static JsonElement Function(string name) => Assert.Single(Functions.Value, f => f.GetProperty("name").GetString() == name);

    private static JsonElement Trigger(string name) =>
        Function(name).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Metadata_EveryRouteGroup_IsAnAnonymousHttpFunctionAtItsApiPathWithItsMethods()
    {
        foreach (var route in ApiRoutes.All)
        {
            var trigger = Trigger(route.Name);
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            // The same URL as the local host's MapMentorNudgeApi, whatever the prefix/route split.
            Assert.Equal("/api/" + route.Template, PublicPath(trigger));
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
            var methods = trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order().ToArray();
            Assert.Equal(route.Handlers.Keys.Select(k => k.ToUpperInvariant()).Order().ToArray(), methods);
        }
    }

    [Theory]
    [InlineData("DispatchDue", "0 * * * * *")]
    [InlineData("Reconcile", "0 30 3 * * *")]
    [InlineData("SweepOverdue", "0 */5 * * * *")]
    public void Metadata_Timer_HasSchedule(string name, string schedule)
    {
        var trigger = Trigger(name);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("SendNudge", "nudges")]
    [InlineData("DeliverWebhook", "webhooks")]
    public void Metadata_QueueWorker_ListensOnQueue(string name, string queue)
    {
        var trigger = Trigger(name);
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
    }

    [Fact]
    public void Metadata_AllFunctions_RouteGroupsPlusFiveWorkers()
    {
        var names = Functions.Value.Select(f => f.GetProperty("name").GetString()!).Order().ToArray();
        var expected = ApiRoutes.All.Select(r => r.Name).Concat(["App", "DispatchDue", "Reconcile", "SweepOverdue", "SendNudge", "DeliverWebhook"]).Order().ToArray();
        Assert.Equal(expected, names);
    }

    [Fact]
    public void Metadata_HttpFunctions_AreTheRouteGroupsPlusTheWebApp()
    {
        var http = Functions.Value
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Select(f => f.GetProperty("name").GetString())
            .Order()
            .ToArray();
        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Append("App").Order().ToArray(), http);
    }

    [Fact]
    public void Metadata_App_IsAnAnonymousCatchAllAtTheLocalHostsPath()
    {
        var trigger = Trigger("App");
        Assert.Equal(WebApp.Root + "{*path}", PublicPath(trigger));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["GET", "HEAD", "POST"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order().ToArray());
    }
}
