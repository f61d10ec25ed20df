using System.Net;
using System.Text;
using MentorNudge.Api;
using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tests.Pipeline;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Model;
using MentorNudge.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Functions.Tests.Infrastructure;

/// <summary>
/// The Functions app's services as Program.cs composes them, on a real Azurite (own tables and
/// queues), with a fake clock, a recording email sender and a scripted webhook receiver.
/// </summary>
public sealed class FunctionsHarness : IAsyncDisposable
{
    /// <param name="azurite">The storage emulator.</param>
    /// <param name="settings">Extra configuration on top of the defaults (e.g. turning capture on).</param>
    public FunctionsHarness(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "f" + suffix,
            ["Storage:NudgeQueueName"] = "n" + suffix,
            ["Storage:WebhookQueueName"] = "w" + suffix,
            ["App:PublicBaseUrl"] = "https://mentornudge.example.test",
            ["Security:ActionSigningKey"] = "functions-test-signing-key-0123456789abcdef",
            ["MentorNudge:Api:AdminKey"] = "functions-admin-key",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<IEmailSender>(Email);
        services.AddMentorNudge(config);
        services.AddMentorNudgeApi(config);
        services.AddMentorNudgeWeb(config);
        services.AddHttpClient(WebhookDeliverer.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Receiver);
        Services = services.BuildServiceProvider();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 25, 10, 0));

    public RecordingEmailSender Email { get; } = new();

    public WebhookReceiver Receiver { get; } = new();

    public ServiceProvider Services { get; }

    public Users Users => Services.GetRequiredService<Users>();

    public People People => Services.GetRequiredService<People>();

    public Outreach Outreach => Services.GetRequiredService<Outreach>();

    public StorageClients Clients => Services.GetRequiredService<StorageClients>();

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    /// <summary>A user (with a webhook when <paramref name="secret"/> is given), a person and an outreach; returns ids and the first follow-up's due instant.</summary>
    public async Task<(string UserId, string PersonId, Instant FirstDue)> UserWithOutreachAsync(string? secret = null)
    {
        var created = await Users.CreateAsync("sam@example.com", UserSettings.CreateDefault("Europe/London", "GB"));
        if (secret is not null)
        {
            var settings = UserSettings.CreateDefault("Europe/London", "GB") with
            {
                Webhook = new WebhookSettings(new Uri("https://hooks.example.test/in"), WebhookFormat.Slack, secret),
            };
            await Users.UpdateAsync(created.UserId, "sam@example.com", settings);
        }

        var person = await People.AddAsync(created.UserId, new PersonDraft("Ada Lovelace", ["ada@example.org"]));
        var outreach = await Outreach.LogAsync(created.UserId, person.Id, new OutreachDraft(Subject: "Hello"));
        return (created.UserId, person.Id, outreach.FollowUps.OrderBy(n => n.DueAt).First().DueAt);
    }

    /// <summary>Takes every visible message off a queue, as the host would hand them to a trigger.</summary>
    public static async Task<List<string>> DrainAsync(Azure.Storage.Queues.QueueClient queue)
    {
        var all = new List<string>();
        while (true)
        {
            var batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
            if (batch.Value.Length == 0)
            {
                return all;
            }

            foreach (var m in batch.Value)
            {
                all.Add(m.Body.ToString());
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    /// <summary>Answers webhook POSTs with <see cref="Status"/> and keeps what it received.</summary>
    public sealed class WebhookReceiver : HttpMessageHandler
    {
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public List<(string? Signature, byte[] Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Received.Add((request.Headers.TryGetValues(WebhookSignature.HeaderName, out var v) ? v.Single() : null, body));
            return new HttpResponseMessage(Status) { Content = new StringContent("ok", Encoding.UTF8) };
        }
    }
}
