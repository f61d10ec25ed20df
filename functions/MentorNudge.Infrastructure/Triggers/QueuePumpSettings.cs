using System.Globalization;
using System.Text.Json;

namespace MentorNudge.Infrastructure.Triggers;

/// <summary>
/// The queue semantics of the Functions host (host.json <c>extensions.queues</c>), so that every
/// other host of the pipeline (the local host, the bench) fetches, runs in parallel, retries and
/// poisons messages exactly as Azure does.
/// </summary>
/// <param name="MaxDequeueCount">After this many failed attempts a message moves to <c>&lt;queue&gt;-poison</c>.</param>
/// <param name="VisibilityTimeout">How long a failed message stays invisible before the next attempt.</param>
/// <param name="BatchSize">Messages received per poll, handled in parallel.</param>
/// <param name="NewBatchThreshold">The next batch is fetched once no more than this many messages are still being handled.</param>
/// <param name="MaxPollingInterval">Longest wait between polls of an empty queue.</param>
public sealed record QueuePumpSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize, int NewBatchThreshold, TimeSpan MaxPollingInterval)
{
    /// <summary>The name under which the build embeds the repository's host.json (see MentorNudge.Infrastructure.csproj).</summary>
    public const string HostJsonResource = "MentorNudge.host.json";

    private static readonly Lazy<QueuePumpSettings> FromEmbeddedHostJson = new(() =>
    {
        using var stream = typeof(QueuePumpSettings).Assembly.GetManifestResourceStream(HostJsonResource)
            ?? throw new InvalidOperationException($"The build did not embed {HostJsonResource}.");
        return FromHostJson(stream);
    });

    /// <summary>
    /// The values of the host.json the Functions app ships with, embedded at build time from the
    /// same file, so the hosts cannot drift apart.
    /// </summary>
    public static QueuePumpSettings FunctionsHost => FromEmbeddedHostJson.Value;

    /// <summary>
    /// Reads <c>extensions.queues</c> of a Functions host.json; a value it leaves out takes the
    /// Functions host's documented default.
    /// </summary>
    public static QueuePumpSettings FromHostJson(Stream hostJson)
    {
        ArgumentNullException.ThrowIfNull(hostJson);
        using var document = JsonDocument.Parse(hostJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var queues = document.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("queues", out var q)
            ? q
            : default;
        var batchSize = Int(queues, "batchSize", 16);
        return new QueuePumpSettings(
            MaxDequeueCount: Int(queues, "maxDequeueCount", 5),
            VisibilityTimeout: Time(queues, "visibilityTimeout", TimeSpan.Zero),
            BatchSize: batchSize,
            NewBatchThreshold: Int(queues, "newBatchThreshold", batchSize / 2),
            MaxPollingInterval: Time(queues, "maxPollingInterval", TimeSpan.FromMinutes(1)));
    }

    private static int Int(JsonElement section, string name, int fallback) =>
        section.ValueKind == JsonValueKind.Object && section.TryGetProperty(name, out var value) ? value.GetInt32() : fallback;

    private static TimeSpan Time(JsonElement section, string name, TimeSpan fallback) =>
        section.ValueKind == JsonValueKind.Object && section.TryGetProperty(name, out var value)
            ? TimeSpan.Parse(value.GetString() ?? "", CultureInfo.InvariantCulture)
            : fallback;
}
