using Azure.Core;
using MentorNudge.Infrastructure.DependencyInjection;
using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorNudge.Infrastructure.Tests.DependencyInjection;

public sealed class AzureCredentialServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddMentorNudge_ServiceUris_StorageAsksTheOneRegisteredCredentialForATokenAsync()
    {
        var credential = new RecordingCredential();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TokenCredential>(credential);
        services.AddMentorNudge(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A closed loopback port: the token is asked for before the request fails to connect.
            ["Storage:TableServiceUri"] = "https://127.0.0.1:9/",
            ["Storage:QueueServiceUri"] = "https://127.0.0.1:9/",
            ["Storage:MaxRetries"] = "0",
            ["App:PublicBaseUrl"] = "https://mentornudge.example.com",
            ["Security:ActionSigningKey"] = new string('k', 40),
        }).Build());
        await using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredService<StorageClients>();
        await Assert.ThrowsAnyAsync<Exception>(() => storage.Data.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));

        Assert.Same(credential, provider.GetRequiredService<TokenCredential>());
        Assert.Contains(credential.Scopes, s => s.Contains("storage.azure.com", StringComparison.Ordinal));
    }

    [Fact]
    public void AddMentorNudgeAzureCredential_HostRegisteredOne_KeepsIt()
    {
        var mine = new RecordingCredential();
        var services = new ServiceCollection();
        services.AddSingleton<TokenCredential>(mine);

        services.AddMentorNudgeAzureCredential(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<TokenCredential>());
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
