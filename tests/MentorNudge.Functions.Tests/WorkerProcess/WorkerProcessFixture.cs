using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>
/// One Azurite and one started, initialised, fully loaded worker for the worker-process tests, plus the same
/// services in-process (same storage, a fake clock) to seed data the worker then acts on.
/// </summary>
public sealed class WorkerProcessFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private ServiceProvider? _seed;

    public WorkerHost Host { get; private set; } = null!;

    public WorkerArtifact Artifact { get; } = WorkerArtifact.Locate();

    public Dictionary<string, string?> Settings { get; private set; } = [];

    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), "mentornudge-worker-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Seeding clock: starts a month before real time so what it schedules is already due for the worker.</summary>
    public FakeClock Clock { get; } = new(SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(30));

    public T Use<T>()
        where T : notnull => _seed!.GetRequiredService<T>();

    public StorageClients Storage => _seed!.GetRequiredService<StorageClients>();

    public DispatchCheckpoint Checkpoint => _seed!.GetRequiredService<DispatchCheckpoint>();

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Directory.CreateDirectory(Outbox);
        Settings = WorkerSettings.ProductionShaped(_azurite.ConnectionString, Outbox);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClock>(Clock);
        services.AddMentorNudge(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        _seed = services.BuildServiceProvider();
        await Storage.EnsureCreatedAsync();

        Host = await WorkerHost.StartLoadedAsync(Artifact, Settings);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_seed is not null)
        {
            await _seed.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        Directory.Delete(Outbox, recursive: true);
    }
}
