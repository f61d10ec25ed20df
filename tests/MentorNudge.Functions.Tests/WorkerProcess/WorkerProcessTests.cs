using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using MentorNudge.Functions.Tests.WorkerProcess.Rpc;
using NodaTime;

namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>
/// The built worker, started as the Functions host starts it and driven over the host's gRPC
/// protocol, against Azurite with production-shaped settings. One worker serves the collection.
/// </summary>
[Trait("Category", "WorkerProcess")]
[Collection(WorkerProcessCollection.Name)]
public sealed class WorkerProcessTests(WorkerProcessFixture fixture)
{
    private readonly Mark _start = fixture.Host.MarkNow();

    private WorkerHost Host => fixture.Host;

    [Fact]
    public async Task Initialize_BuiltWorker_LoadsEveryFunctionInMetadata()
    {
        // The fixture already loaded everything once; a second load of every function must succeed too,
        // and the init answer must carry what the host relies on.
        Assert.True(Host.Capabilities.ContainsKey("HttpUri"), "The worker reported no HttpUri: " + string.Join(", ", Host.Capabilities.Keys));
        Assert.Equal(bool.TrueString, Host.Capabilities["RpcHttpBodyOnly"]);
        var loads = await Host.LoadFunctionsAsync();

        Assert.Equal(Host.Artifact.FunctionNames.Count(), loads.Count);
        Assert.True(loads.Count >= 20, $"functions.metadata lists only {loads.Count} functions");
        Assert.All(loads, load => Assert.True(load.Result.Status == StatusResult.Types.Status.Success, load.Result.Exception?.Message));
        Assert.Contains("DispatchDue", Host.Artifact.FunctionNames);
        Assert.Contains("SendNudge", Host.Artifact.FunctionNames);
        AssertNoFailures();
    }

    [Fact]
    public async Task DispatchDue_DueNudge_PutsItsMessageOnNudges()
    {
        var (userId, followUp) = await SeedDueFollowUpAsync();
        // Start the cursor just before the follow-up, as if the last tick ran then.
        var (_, etag, _) = await fixture.Checkpoint.ReadAsync();
        Assert.True(await fixture.Checkpoint.TryAdvanceAsync(followUp.DueAt - Duration.FromMinutes(1), etag, followUp.DueAt - Duration.FromMinutes(1)));

        var now = DateTimeOffset.UtcNow;
        var invocation = await Host.InvokeAsync("DispatchDue", WorkerHost.TimerTrigger(now.AddMinutes(-1), now.AddMinutes(1)));

        Assert.True(invocation.Result.Status == StatusResult.Types.Status.Success, invocation.Result.Exception?.Message + Host.Describe());
        var messages = await fixture.Storage.NudgeQueue.PeekMessagesAsync(32);
        var ours = messages.Value.Select(m => NudgeMessage.Parse(m.Body.ToString())).Where(m => m.UserId == userId).ToList();
        Assert.Contains(ours, m => m.NudgeId == followUp.NudgeId && m.DueTicks == followUp.DueAt.ToUnixTimeTicks());
        var (cursor, _, _) = await fixture.Checkpoint.ReadAsync();
        Assert.True(cursor > Instant.FromDateTimeOffset(now.AddMinutes(-1)), "The tick did not move the cursor to now.");
        var tick = Assert.Single(LogsSinceStart(), l => l.Message.StartsWith("Dispatch tick", StringComparison.Ordinal));
        Assert.Equal(RpcLog.Types.Level.Information, tick.Level);
        AssertNoFailures();
    }

    [Fact]
    public async Task SendNudge_SameMessageTwice_SendsOneEmail()
    {
        var (userId, followUp) = await SeedDueFollowUpAsync();
        var message = new NudgeMessage(userId, followUp.NudgeId, followUp.DueAt.ToUnixTimeTicks()).ToJson();

        var first = await Host.InvokeAsync("SendNudge", WorkerHost.QueueMessage(message));
        var second = await Host.InvokeAsync("SendNudge", WorkerHost.QueueMessage(message));

        Assert.True(first.Result.Status == StatusResult.Types.Status.Success, first.Result.Exception?.Message + Host.Describe());
        Assert.True(second.Result.Status == StatusResult.Types.Status.Success, second.Result.Exception?.Message + Host.Describe());
        var emails = Directory.EnumerateFiles(fixture.Outbox, "*.eml")
            .Where(f => File.ReadAllText(f).Contains("X-MentorNudge-Nudge-Id: " + followUp.NudgeId, StringComparison.Ordinal))
            .ToList();
        Assert.Single(emails);
        var history = await fixture.Use<Schedule>().HistoryAsync(userId);
        Assert.Equal(NudgeStatus.Sent, history.Single(n => n.NudgeId == followUp.NudgeId).Status);
        var sent = Assert.Single(LogsSinceStart(), l => l.Message.StartsWith("Sent nudge " + followUp.NudgeId, StringComparison.Ordinal));
        Assert.Contains(userId, sent.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LogsSinceStart(), l => l.Message.Contains("@example.", StringComparison.Ordinal));
        AssertNoFailures();
    }

    [Fact]
    public async Task HttpTrigger_HealthThroughAspNetCoreIntegration_AnswersJsonWithConfiguration()
    {
        var (response, invocation) = await Host.InvokeHttpAsync("Health", new HttpRequestMessage(HttpMethod.Get, "/api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(invocation.Result.Status == StatusResult.Types.Status.Success, invocation.Result.Exception?.Message);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var configuration = json.RootElement.GetProperty("configuration");
        Assert.Equal("outbox", configuration.GetProperty("emailProvider").GetString());
        Assert.Equal("userAssigned", configuration.GetProperty("identity").GetString());
        Assert.Equal("nudges", configuration.GetProperty("nudgeQueue").GetString());
        Assert.True(configuration.GetProperty("deliveryReportKey").GetBoolean());
        foreach (var secret in new[] { "MentorNudge:Api:AdminKey", "MentorNudge:Api:EventGridKey", "Security:ActionSigningKey", "Storage:ConnectionString" })
        {
            Assert.DoesNotContain(fixture.Settings[secret]!, body, StringComparison.Ordinal);
        }

        AssertNoFailures();
    }

    [Fact]
    public async Task HttpTrigger_AdminUsers_CreatesUserAndAnswersProblemForBadFields()
    {
        var good = AdminRequest("""{ "email": "worker-test@example.com", "timeZone": "Europe/Berlin", "country": "DE" }""");
        var (created, _) = await Host.InvokeHttpAsync("AdminUsers", good);
        var bad = AdminRequest("""{ "email": "not-an-address", "timeZone": "Mars/Olympus_Mons", "country": "DE" }""");
        var (rejected, invocation) = await Host.InvokeHttpAsync("AdminUsers", bad);

        Assert.True(created.IsSuccessStatusCode, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        using (var user = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
        {
            Assert.False(string.IsNullOrEmpty(user.RootElement.GetProperty("userId").GetString()));
            Assert.False(string.IsNullOrEmpty(user.RootElement.GetProperty("token").GetString()));
        }

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _), problem.RootElement.GetRawText());
        Assert.True(errors.TryGetProperty("timeZone", out _), problem.RootElement.GetRawText());
        Assert.True(invocation.Result.Status == StatusResult.Types.Status.Success, invocation.Result.Exception?.Message);
        AssertNoFailures();
    }

    [Fact]
    public async Task HttpTrigger_AppSignInPageAndAsset_ServedAtAppThroughTheWorker()
    {
        var (page, pageInvocation) = await Host.InvokeHttpAsync("App", new HttpRequestMessage(HttpMethod.Get, "/app/signin"));
        var (css, cssInvocation) = await Host.InvokeHttpAsync("App", new HttpRequestMessage(HttpMethod.Get, "/app/assets/app.css"));

        Assert.True(pageInvocation.Result.Status == StatusResult.Types.Status.Success, pageInvocation.Result.Exception?.Message + Host.Describe());
        Assert.True(cssInvocation.Result.Status == StatusResult.Types.Status.Success, cssInvocation.Result.Exception?.Message + Host.Describe());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\" action=\"/app/signin\"", html, StringComparison.Ordinal);
        Assert.Contains("/app/assets/app.css", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mn_csrf=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("{", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertNoFailures();
    }

    private HttpRequestMessage AdminRequest(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/users")
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Admin-Key", fixture.Settings["MentorNudge:Api:AdminKey"]);
        return request;
    }

    /// <summary>A user, a person and an outreach logged a month ago: the first follow-up is already due for the worker.</summary>
    private async Task<(string UserId, ScheduledNudge FollowUp)> SeedDueFollowUpAsync()
    {
        var user = await fixture.Use<Users>().CreateAsync("seed@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        var person = await fixture.Use<People>().AddAsync(user.UserId, new PersonDraft("Ada Lovelace", ["ada@example.org"]));
        var outreach = await fixture.Use<Outreach>().LogAsync(user.UserId, person.Id, new OutreachDraft(Subject: "Hello"));
        var followUp = outreach.FollowUps.OrderBy(n => n.DueAt).First();
        Assert.True(followUp.DueAt < SystemClock.Instance.GetCurrentInstant(), "The seeded follow-up is not due yet.");
        return (user.UserId, followUp);
    }

    /// <summary>The app's own log lines (as the worker forwards them to the host) since this test started.</summary>
    private IEnumerable<RpcLog> LogsSinceStart() =>
        Host.Logs.Skip(_start.Logs).Where(l => l.Category.StartsWith("MentorNudge.", StringComparison.Ordinal));

    private void AssertNoFailures()
    {
        var failures = Host.Failures(_start);
        Assert.True(failures.Count == 0, string.Join('\n', failures) + Host.Describe());
    }
}
