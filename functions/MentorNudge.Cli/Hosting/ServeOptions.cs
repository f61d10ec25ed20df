using NodaTime;

namespace MentorNudge.Cli.Hosting;

/// <summary>Everything <c>mentornudge serve</c> (and the demo, and the tests) can set.</summary>
/// <param name="Port">HTTP port on localhost; 0 picks a free one.</param>
/// <param name="DataFolder">Where Azurite's data, the outbox and the admin key live by default.</param>
/// <param name="Outbox">Outbox folder; default <c>&lt;data&gt;/outbox</c>.</param>
/// <param name="Storage">Storage connection string; default an Azurite started here.</param>
/// <param name="AdminKey">Admin key; default one generated once and kept in the data folder.</param>
/// <param name="VirtualClock">Time stands still and moves only through the admin clock endpoint.</param>
/// <param name="Start">Start of the virtual clock; default the real now.</param>
/// <param name="EmailProvider"><c>outbox</c>, <c>smtp</c> or <c>acs</c>; default from configuration, else outbox.</param>
/// <param name="InMemoryStorage">Run the started Azurite in memory (demo, tests) instead of in the data folder.</param>
/// <param name="Quiet">Log warnings and errors only.</param>
public sealed record ServeOptions(
    int Port = ServeOptions.DefaultPort,
    string DataFolder = ServeOptions.DefaultDataFolder,
    string? Outbox = null,
    string? Storage = null,
    string? AdminKey = null,
    bool VirtualClock = false,
    Instant? Start = null,
    string? EmailProvider = null,
    bool InMemoryStorage = false,
    bool Quiet = false)
{
    public const int DefaultPort = 7071;
    public const string DefaultDataFolder = ".mentornudge";

    /// <summary>The outbox folder in effect.</summary>
    public string OutboxFolder => Path.GetFullPath(Outbox ?? Path.Combine(DataFolder, "outbox"));
}
