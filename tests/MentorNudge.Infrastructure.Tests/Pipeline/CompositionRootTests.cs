using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Tests.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

[Collection(AzuriteCollection.Name)]
public sealed class CompositionRootTests(AzuriteFixture azurite)
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task AddMentorNudge_ConnectionString_ResolvesEveryServiceAndWorks()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IEmailSender, RecordingEmailSender>();
        services.AddSingleton<StorageOperationCounter>();
        services.AddMentorNudge(Config(
            ("Storage:ConnectionString", azurite.ConnectionString),
            ("Storage:TablePrefix", "di" + Guid.NewGuid().ToString("N")[..10]),
            ("App:PublicBaseUrl", "https://mentornudge.example.com"),
            ("Security:ActionSigningKey", new string('k', 40))));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var users = provider.GetRequiredService<Users>();
        Assert.NotNull(provider.GetRequiredService<NudgeSender>());
        Assert.NotNull(provider.GetRequiredService<NudgeDispatcher>());
        Assert.NotNull(provider.GetRequiredService<NudgeReconciler>());
        Assert.NotNull(provider.GetRequiredService<PoisonQueueService>());
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());

        var created = await users.CreateAsync("ada@example.com", UserSettingsFor("Europe/Paris"), cancellationToken: default);
        Assert.Equal(created.UserId, await users.AuthenticateAsync(created.Token));
        Assert.True(provider.GetRequiredService<StorageOperationCounter>().Total > 0);
    }

    [Fact]
    public async Task AddMentorNudge_NoSenderRegistered_UsesEmailAdaptersAndPacer()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "mn-outbox-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection().AddLogging();
        services.AddMentorNudge(Config(
            ("Storage:ConnectionString", azurite.ConnectionString),
            ("Storage:TablePrefix", "di" + Guid.NewGuid().ToString("N")[..10]),
            ("Email:Outbox:Folder", outbox),
            ("App:PublicBaseUrl", "https://mentornudge.example.com"),
            ("Security:ActionSigningKey", new string('k', 40))));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Equal("outbox", provider.GetRequiredService<IEmailSender>().Name);
        var quota = Assert.IsType<PacerSendQuota>(provider.GetRequiredService<ISendQuota>());
        Assert.Null(await quota.TryAcquireAsync());
        Assert.NotNull(provider.GetRequiredService<NudgeSender>());
    }

    [Fact]
    public void AddMentorNudge_NoStorageConfigured_FailsValidation()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMentorNudge(Config(("App:PublicBaseUrl", "https://x.example.com"), ("Security:ActionSigningKey", new string('k', 40))));
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:ConnectionString", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorNudge_AccountNameOnly_DerivesServiceUris()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMentorNudge(Config(("Storage:AccountName", "mnstore"), ("App:PublicBaseUrl", "https://x.example.com"), ("Security:ActionSigningKey", new string('k', 40))));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(new Uri("https://mnstore.table.core.windows.net/"), options.ResolveTableServiceUri());
        Assert.Equal(new Uri("https://mnstore.queue.core.windows.net/"), options.ResolveQueueServiceUri());
    }

    private static Core.Model.UserSettings UserSettingsFor(string zone) => Core.Model.UserSettings.CreateDefault(zone, "FR");
}
