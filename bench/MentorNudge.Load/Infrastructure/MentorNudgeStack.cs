using System.Security.Cryptography;
using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Email.Acs;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Testing.Acs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Load.Infrastructure;

/// <summary>
/// The production service container (<c>AddMentorNudge</c>) on one Azurite, with a fake clock, the
/// storage-operation counter in the clients' pipelines, and the real ACS client sending to the
/// in-process ACS test server. Each stack gets its own table prefix and queues. The email quota
/// pacer is left out (it comes with the email adapters' registration; P4 measures it): sends are
/// limited only by the pipeline and the storage.
/// </summary>
internal sealed class MentorNudgeStack : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AcsTestServer? _acs;

    private MentorNudgeStack(ServiceProvider services, FakeClock clock, StorageOperationCounter counter, AcsTestServer? acs)
    {
        _services = services;
        Clock = clock;
        Counter = counter;
        _acs = acs;
    }

    public FakeClock Clock { get; }

    public StorageOperationCounter Counter { get; }

    /// <summary>The ACS stand-in (absent for a stack that never sends).</summary>
    public AcsTestServer Acs => _acs ?? throw new InvalidOperationException("This stack has no ACS server.");

    public Users Users => _services.GetRequiredService<Users>();

    public People People => _services.GetRequiredService<People>();

    public Outreach Outreach => _services.GetRequiredService<Outreach>();

    public Interactions Interactions => _services.GetRequiredService<Interactions>();

    public Schedule Schedule => _services.GetRequiredService<Schedule>();

    public NudgeDispatcher Dispatcher => _services.GetRequiredService<NudgeDispatcher>();

    public NudgeSender Sender => _services.GetRequiredService<NudgeSender>();

    public StorageClients Clients => _services.GetRequiredService<StorageClients>();

    public DispatchCheckpoint Checkpoint => _services.GetRequiredService<DispatchCheckpoint>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<MentorNudgeStack> StartAsync(string connectionString, string name, Instant start, bool withAcs = true)
    {
        var clock = new FakeClock(start);
        var counter = new StorageOperationCounter();
        var acs = withAcs ? await AcsTestServer.StartAsync(clock) : null;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = name,
            ["Storage:NudgeQueueName"] = name + "-nudges",
            ["Storage:WebhookQueueName"] = name + "-webhooks",
            ["App:PublicBaseUrl"] = "http://localhost:7071/",

            // A fresh random key per run: action links in the benchmark's emails are never used.
            ["Security:ActionSigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IClock>(clock);
        services.AddSingleton(counter);
        if (acs is not null)
        {
            services.AddSingleton<IEmailSender>(sp => new AcsEmailSender(
                Options.Create(new AcsEmailOptions
                {
                    ConnectionString = acs.ConnectionString,
                    SenderAddress = "DoNotReply@bench.mentornudge.test",
                    PollInterval = TimeSpan.FromMilliseconds(10),
                }),
                clock,
                NullLogger<AcsEmailSender>.Instance));
        }

        services.AddMentorNudge(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var stack = new MentorNudgeStack(provider, clock, counter, acs);
        await stack.Clients.EnsureCreatedAsync();
        counter.Reset();
        return stack;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_acs is not null)
        {
            await _acs.DisposeAsync();
        }
    }
}
