using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tests.Storage;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Content.Actions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Api.Tests.Infrastructure;

/// <summary>The API over the real application service on Azurite (own tables and queues per stack).</summary>
public sealed class ApiStack : IAsyncDisposable
{
    public static readonly byte[] ActionKey = Encoding.UTF8.GetBytes("action-signing-key-for-tests-0123456789");

    private ApiStack(ApiTestHost host) => Host = host;

    public ApiTestHost Host { get; }

    /// <summary>Every storage request of this stack, counted by the clients' pipeline policy.</summary>
    public StorageOperationCounter Counter { get; private init; } = new();

    public HttpClient Client => Host.Client;

    public ActionTokens ActionTokens { get; } = new(ActionKey);

    public Instant Now => Host.Clock.GetCurrentInstant();

    /// <summary>Starts a stack; <paramref name="faults"/>, when given, sits in every storage client's pipeline.</summary>
    public static async Task<ApiStack> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? configure = null, FaultInjectionPolicy? faults = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "t" + suffix,
            ["Storage:NudgeQueueName"] = "n" + suffix,
            ["Storage:WebhookQueueName"] = "w" + suffix,
            ["App:PublicBaseUrl"] = "https://mentornudge.example.test",
            ["Security:ActionSigningKey"] = Encoding.UTF8.GetString(ActionKey),
        }).Build();
        var counter = new StorageOperationCounter();
        var host = await ApiTestHost.StartAsync((services, _) =>
        {
            services.AddSingleton(counter);
            if (faults is not null)
            {
                services.AddSingleton(sp => new StorageClients(
                    sp.GetRequiredService<IOptions<StorageOptions>>().Value,
                    null,
                    [("table", faults.For("table")), ("queue", faults.For("queue")), ("table", counter.PolicyFor("table")), ("queue", counter.PolicyFor("queue"))]));
            }

            services.AddMentorNudge(config);
            configure?.Invoke(services);
        });
        return new ApiStack(host) { Counter = counter };
    }

    public async Task<TestUser> CreateUserAsync(string email = "sam@example.com", string zone = "Europe/London", string country = "GB")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/users")
        {
            Content = Json(new { email, timeZone = zone, country }),
        };
        request.Headers.Add("X-Admin-Key", ApiTestHost.AdminKey);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var node = JsonNode.Parse(body)!;
        return new TestUser(node["userId"]!.GetValue<string>(), node["token"]!.GetValue<string>());
    }

    /// <summary>A user with webhook secrets (inbound and outbound), a person (with an email address), an outreach and an interaction.</summary>
    public async Task<TestUser> CreatePopulatedUserAsync(string email, string personEmail)
    {
        var user = await CreateUserAsync(email);
        var secret = "whsec_" + Guid.NewGuid().ToString("N");
        var outbound = "whsec_out_" + Guid.NewGuid().ToString("N");
        var me = await SendAsync(HttpMethod.Put, "/api/v1/me", user.Token, new
        {
            email,
            timeZone = "Europe/London",
            country = "GB",
            webhook = new { url = "https://hooks.example.test/in", format = "generic", secret = outbound, inboundSecret = secret },
        });
        Assert.True(me.IsSuccessStatusCode, await me.Content.ReadAsStringAsync());
        var person = await SendAsync(HttpMethod.Post, "/api/v1/people", user.Token, new { name = "Ada Lovelace", emails = new[] { personEmail } });
        var personBody = await person.Content.ReadAsStringAsync();
        Assert.True(person.IsSuccessStatusCode, personBody);
        var personId = JsonNode.Parse(personBody)!["id"]!.GetValue<string>();
        var outreach = await SendAsync(HttpMethod.Post, $"/api/v1/people/{personId}/outreach", user.Token, new { text = "Could I ask two questions about your talk in a 20-minute call next week?" });
        Assert.True(outreach.IsSuccessStatusCode, await outreach.Content.ReadAsStringAsync());
        var interaction = await SendAsync(HttpMethod.Post, $"/api/v1/people/{personId}/interactions", user.Token, new { kind = "share", note = "Sent a paper" });
        Assert.True(interaction.IsSuccessStatusCode, await interaction.Content.ReadAsStringAsync());
        return user with { PersonId = personId, InboundSecret = secret, OutboundSecret = outbound };
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null) =>
        SendRawAsync(method, path, token, body is null ? null : JsonSerializer.Serialize(body, JsonOptions), body is null ? null : "application/json");

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? token, string? body, string? contentType, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>POSTs <paramref name="body"/> to a signed hook with a signature made at <paramref name="signedAt"/>.</summary>
    public Task<HttpResponseMessage> SendSignedAsync(string path, string body, string secret, Instant? signedAt = null) =>
        SendRawAsync(HttpMethod.Post, path, null, body, "application/json", new Dictionary<string, string>
        {
            [WebhookSignature.HeaderName] = WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret, signedAt ?? Now),
        });

    /// <summary>POSTs Event Grid events to the ACS hook with the shared key (null: no key header).</summary>
    public Task<HttpResponseMessage> SendAcsAsync(string body, string? key = ApiTestHost.EventGridKey) =>
        SendRawAsync(HttpMethod.Post, "/api/v1/hooks/acs", null, body, "application/json", key is null ? null : new Dictionary<string, string> { ["X-MentorNudge-Key"] = key });

    /// <summary>The user's export as text: equal before and after means nothing was written.</summary>
    public async Task<string> ExportAsync(TestUser user)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/me/export", user.Token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value, JsonOptions), Encoding.UTF8, "application/json");

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
