using MentorNudge.Cli.Hosting;

namespace MentorNudge.Infrastructure.Tests.Azurite;

/// <summary>
/// A real Azurite for storage tests: started in memory on free ports, or the account named by
/// <c>MENTORNUDGE_STORAGE</c> when that is set. One instance per test collection.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>Connection string of the storage under test.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("MENTORNUDGE_STORAGE");
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        var executable = AzuriteProcess.FindExecutable()
            ?? throw new InvalidOperationException(
                "Azurite is not installed: run `npm ci` at the repository root, or set MENTORNUDGE_STORAGE to a storage connection string.");
        _azurite = await AzuriteProcess.StartAsync(executable);
        ConnectionString = _azurite.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A name unique to one test, usable as a table or queue name (letters and digits, 3–63 chars).</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 32, 63)].ToLowerInvariant();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
