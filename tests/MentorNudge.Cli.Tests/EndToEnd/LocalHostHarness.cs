using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Model;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MentorNudge.Cli.Admin;
using MentorNudge.Cli.Hosting;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary>
/// <c>serve --virtual-clock --port 0 --storage &lt;Azurite&gt; --outbox &lt;temp&gt;</c>, in process through
/// the same <see cref="LocalHost"/> the command uses, on a fresh in-memory Azurite (the dispatcher's
/// cursor is per storage account, so each story gets its own), and an HTTP client for its API.
/// </summary>
public sealed class LocalHostHarness : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private readonly AzuriteProcess? _azurite;
    private readonly DirectoryInfo _folder;
    private string? _token;

    private readonly bool _keepFolder;

    private LocalHostHarness(LocalHost host, AzuriteProcess? azurite, DirectoryInfo folder, bool keepFolder)
    {
        Host = host;
        _azurite = azurite;
        _folder = folder;
        _keepFolder = keepFolder;
        Http = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "api/v1/") };
    }

    public LocalHost Host { get; }

    public HttpClient Http { get; }

    public string Outbox => Host.OutboxFolder;

    /// <param name="start">Where the virtual clock starts.</param>
    /// <param name="dataFolder">A data folder to reuse (restart tests); default a fresh temp folder.</param>
    /// <param name="persistentAzurite">Let the host start Azurite in the data folder, as plain <c>serve</c> does.</param>
    public static async Task<LocalHostHarness> StartAsync(Instant start, string? dataFolder = null, bool persistentAzurite = false)
    {
        AzuriteProcess? azurite = null;
        string? storage = null;
        if (!persistentAzurite)
        {
            var executable = AzuriteProcess.FindExecutable()
                ?? throw new InvalidOperationException("Azurite is not installed: run `npm ci` at the repository root.");
            azurite = await AzuriteProcess.StartAsync(executable);
            storage = azurite.ConnectionString;
        }

        var folder = dataFolder is null ? Directory.CreateTempSubdirectory("mentornudge-e2e-") : new DirectoryInfo(dataFolder);
        try
        {
            var host = await LocalHost.StartAsync(
                new ServeOptions(
                    Port: 0,
                    DataFolder: folder.FullName,
                    Outbox: Path.Combine(folder.FullName, "outbox"),
                    Storage: storage,
                    AdminKey: AdminKey,
                    VirtualClock: true,
                    Start: start,
                    EmailProvider: "outbox",
                    Quiet: true),
                TextWriter.Null,
                CancellationToken.None);
            return new LocalHostHarness(host, azurite, folder, keepFolder: dataFolder is not null);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    public IReadOnlyList<OutboxEmail> Emails() => OutboxEmail.LoadAll(Outbox);

    /// <summary>The signed-in user's API token (to sign in again after a restart).</summary>
    public string? Token => _token;

    public void SignIn(string token) => _token = token;

    /// <summary>
    /// True when the host maps the public HTTP API (functions/MentorNudge.Api). The stories then go
    /// through it; otherwise through the application service its handlers call, with the clock
    /// always moved over HTTP.
    /// </summary>
    public bool ApiMapped => Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText?.TrimStart('/') == "api/v1/people");

    /// <summary>A use case of the running host (the same instances the API calls).</summary>
    public T Use<T>()
        where T : notnull => Host.App.Services.GetRequiredService<T>();

    private string? _userId;

    /// <summary>Creates a user and signs the client in with its token.</summary>
    public async Task<string> CreateUserAsync(string email = "alex@example.com", string timeZone = "Europe/London", string country = "GB")
    {
        if (!ApiMapped)
        {
            var created = await Use<Users>().CreateAsync(email, UserSettings.CreateDefault(timeZone, country));
            _token = created.Token;
            return _userId = created.UserId;
        }

        var user = await SendAsync(HttpMethod.Post, "admin/users", new { email, timeZone, country }, admin: true);
        _token = (string?)user["token"] ?? throw new InvalidOperationException("No token in " + user.ToJsonString());
        return _userId = (string?)user["userId"] ?? (string?)user["id"] ?? "";
    }

    public async Task<string> AddPersonAsync(string name, string connection = "existing", string role = "mentor")
    {
        var email = name.Split(' ')[0].ToLowerInvariant() + "@example.com";
        if (!ApiMapped)
        {
            var added = await Use<People>().AddAsync(_userId!, new PersonDraft(
                name,
                [email],
                connection == "admired" ? Connection.Admired : Connection.Existing,
                Enum.Parse<PersonRole>(role, ignoreCase: true)));
            return added.Id;
        }

        var person = await SendAsync(HttpMethod.Post, "people", new { name, emails = new[] { email }, connection, role }, admin: false);
        return (string?)person["id"] ?? (string?)person["personId"] ?? throw new InvalidOperationException("No id in " + person.ToJsonString());
    }

    public async Task LogOutreachAsync(string personId, Instant sentAt, string subject, string text)
    {
        if (!ApiMapped)
        {
            await Use<Outreach>().LogAsync(_userId!, personId, new OutreachDraft(sentAt, "email", subject, text));
            return;
        }

        await PostAsync($"people/{personId}/outreach", new { sentAt = InstantPattern.ExtendedIso.Format(sentAt), channel = "email", subject, text });
    }

    public async Task LogReplyAsync(string personId, Instant receivedAt)
    {
        if (!ApiMapped)
        {
            await Use<Interactions>().LogReplyAsync(_userId!, personId, receivedAt);
            return;
        }

        await PostAsync($"people/{personId}/replies", new { receivedAt = InstantPattern.ExtendedIso.Format(receivedAt) });
    }

    /// <summary>Moves the weekly digest to <paramref name="day"/> at <paramref name="time"/> (user in London, GB).</summary>
    public async Task SetWeeklyDigestAsync(IsoDayOfWeek day, LocalTime time)
    {
        if (!ApiMapped)
        {
            var user = await Use<Users>().GetAsync(_userId!);
            await Use<Users>().UpdateAsync(_userId!, user.Email, user.Settings with { WeeklyDigest = user.Settings.WeeklyDigest with { Day = day, Time = time } });
            return;
        }

        await PutAsync("me", new
        {
            email = "alex@example.com",
            timeZone = "Europe/London",
            country = "GB",
            weeklyDigest = new { day = day.ToString().ToLowerInvariant(), time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Format(time) },
        });
    }

    /// <summary>The user's nudge history as (personId, kind, status), camelCase as in the API.</summary>
    public async Task<IReadOnlyList<(string? PersonId, string Kind, string Status)>> NudgeHistoryAsync()
    {
        if (!ApiMapped)
        {
            return (await Use<Schedule>().HistoryAsync(_userId!))
                .Select(n => (n.PersonId, JsonNamingPolicy.CamelCase.ConvertName(n.Kind.ToString()), JsonNamingPolicy.CamelCase.ConvertName(n.Status.ToString())))
                .ToList();
        }

        return LocalHostJson.Items(await GetAsync("nudges"))
            .Select(n => ((string?)n["personId"], (string?)n["kind"] ?? "", (string?)n["status"] ?? ""))
            .ToList();
    }

    public Task<JsonNode> AdvanceAsync(string advanceBy) => SendAsync(HttpMethod.Post, "admin/clock", new { advanceBy }, admin: true);

    public Task<JsonNode> SetClockAsync(Instant to) => SendAsync(HttpMethod.Post, "admin/clock", new { setTo = InstantPattern.ExtendedIso.Format(to) }, admin: true);

    public Task<JsonNode> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body, admin: false);

    public Task<JsonNode> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body, admin: false);

    public Task<JsonNode> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, admin: false);

    public async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, object? body, bool admin, string? adminKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (admin)
        {
            request.Headers.Add(AdminKeyCheck.HeaderName, adminKey ?? AdminKey);
        }
        else if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, bool admin)
    {
        using var response = await RawAsync(method, path, body, admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (!_keepFolder)
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
