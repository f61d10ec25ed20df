using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Infrastructure.Tests.Storage;
using MentorNudge.Core.Content;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>
/// The whole pipeline on a real Azurite with its own tables and queues, a fake clock, a fake
/// planner, a recording sender, an operation counter and a fault injector in the pipelines.
/// </summary>
public sealed class PipelineHarness
{
    /// <param name="azurite">The emulator.</param>
    /// <param name="start">The fake clock's start.</param>
    /// <param name="realEngine">The real planner and composer instead of test doubles.</param>
    /// <param name="restartOf">A harness whose storage, clock and mailbox this one takes over with
    /// fresh services and no other in-memory state: a process restarted after a crash.</param>
    public PipelineHarness(AzuriteFixture azurite, Instant? start = null, bool realEngine = false, PipelineHarness? restartOf = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Azurite = azurite;
        var suffix = restartOf?.Suffix ?? Guid.NewGuid().ToString("N")[..12];
        Suffix = suffix;
        Email = restartOf?.Email ?? new RecordingEmailSender();
        Options = new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "t" + suffix,
            NudgeQueueName = "n" + suffix,
            WebhookQueueName = "w" + suffix,
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        };
        Clients = new StorageClients(
            Options,
            null,
            [
                ("table", Faults.For("table")), ("queue", Faults.For("queue")),
                ("table", Counter.PolicyFor("table")), ("queue", Counter.PolicyFor("queue")),
            ]);
        Clock = restartOf?.Clock ?? new FakeClock(start ?? Instant.FromUtc(2026, 3, 2, 8, 0));
        Data = new UserDataRepository(Clients);
        Tokens = new TokenStore(Clients);
        Index = new DueIndex(Clients);
        Checkpoint = new DispatchCheckpoint(Clients);
        Deliveries = new DeliveryMap(Clients);
        Queues = new WorkQueues(Clients);
        // The real planner and composer, or test doubles that make storage flows easy to drive.
        INudgePlanning planning = realEngine ? new CorePlanning(new NudgePlanner(Clock)) : Planner;
        INudgeRenderer renderer = realEngine
            ? new ComposerRenderer(new NudgeEmailComposer(new ContentOptions(new Uri("https://mentornudge.example.com"), new byte[32]), Clock))
            : new FakeRenderer();
        Scheduler = new NudgeScheduler(Data, Index, Queues, planning, Clock, NullLogger<NudgeScheduler>.Instance);
        Dispatcher = new NudgeDispatcher(Index, Checkpoint, Data, Queues, NullLogger<NudgeDispatcher>.Instance);
        Sender = new NudgeSender(Data, Scheduler, Deliveries, Queues, renderer, Email, Quota, Clock, NullLogger<NudgeSender>.Instance);
        Partitions = new UserPartitionEditor(Data, Scheduler);
        var events = new WebhookEventLog(Clients.TableService.GetTableClient(Options.TablePrefix + WebhookEventLog.TableName), Clock);
        var webhookDeliveries = new WebhookDeliveryLog(Clients.TableService.GetTableClient(Options.TablePrefix + WebhookDeliveryLog.TableName));
        Users = new Users(Partitions, Data, Tokens, Scheduler, events, webhookDeliveries, Index, Deliveries, [], Clock, NullLogger<Users>.Instance);
        People = new People(Partitions, Clock);
        Outreach = new Outreach(Partitions, Clock);
        Interactions = new Interactions(Partitions, Clock);
        Schedule = new Schedule(Partitions);
        DeliveryReports = new DeliveryReports(Partitions, Deliveries, NullLogger<DeliveryReports>.Instance);
        Reconciler = new NudgeReconciler(Data, Index, Scheduler, Queues, NullLogger<NudgeReconciler>.Instance);
        Poison = new PoisonQueueService(Queues, NullLogger<PoisonQueueService>.Instance);
        Sweep = new OverdueSweep(Index, Checkpoint, Clients, Data, Queues, NullLogger<OverdueSweep>.Instance);
    }

    public AzuriteFixture Azurite { get; }

    /// <summary>Names this harness's tables and queues.</summary>
    public string Suffix { get; }

    public OverdueSweep Sweep { get; }

    public StorageOptions Options { get; }

    public StorageClients Clients { get; }

    public FaultInjectionPolicy Faults { get; } = new();

    public StorageOperationCounter Counter { get; } = new();

    public FakeClock Clock { get; }

    public FakePlanner Planner { get; } = new();

    public RecordingEmailSender Email { get; }

    public ScriptedQuota Quota { get; } = new();

    public UserDataRepository Data { get; }

    public TokenStore Tokens { get; }

    public DueIndex Index { get; }

    public DispatchCheckpoint Checkpoint { get; }

    public DeliveryMap Deliveries { get; }

    public WorkQueues Queues { get; }

    public NudgeScheduler Scheduler { get; }

    public NudgeDispatcher Dispatcher { get; }

    public NudgeSender Sender { get; }

    public UserPartitionEditor Partitions { get; }

    public Users Users { get; }

    public People People { get; }

    public Outreach Outreach { get; }

    public Interactions Interactions { get; }

    public Schedule Schedule { get; }

    public DeliveryReports DeliveryReports { get; }

    public NudgeReconciler Reconciler { get; }

    public PoisonQueueService Poison { get; }

    public Instant Now => Clock.GetCurrentInstant();

    public static UserSettings Settings(string zone = "Europe/London", string country = "GB") => UserSettings.CreateDefault(zone, country);

    /// <summary>A user with one person; returns their ids.</summary>
    public async Task<(string UserId, string PersonId)> UserWithPersonAsync(string email = "ada@example.com")
    {
        var user = await Users.CreateAsync(email, Settings());
        var person = await People.AddAsync(user.UserId, new PersonDraft("Grace Hopper", ["grace@example.com"]));
        return (user.UserId, person.Id);
    }

    /// <summary>Takes every visible message off the nudges queue (as the host would), returning them.</summary>
    public async Task<List<NudgeMessage>> DrainNudgeQueueAsync()
    {
        var all = new List<NudgeMessage>();
        while (true)
        {
            var batch = await Clients.NudgeQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
            if (batch.Value.Length == 0)
            {
                return all;
            }

            foreach (var m in batch.Value)
            {
                all.Add(NudgeMessage.Parse(m.Body.ToString()));
                await Clients.NudgeQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }
    }

    /// <summary>Runs the host's loop once: dispatch at now, then send every queued message.</summary>
    public async Task<List<SendNudgeResult>> TickAndSendAsync()
    {
        await Dispatcher.DispatchDueAsync(Now);
        var results = new List<SendNudgeResult>();
        foreach (var message in await DrainNudgeQueueAsync())
        {
            results.Add(await Sender.SendAsync(message));
        }

        return results;
    }

    public async Task<StoredNudge> NudgeAsync(string userId, string nudgeId) =>
        await Data.GetNudgeAsync(userId, nudgeId) ?? throw new InvalidOperationException("no nudge " + nudgeId);
}
