namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// The queue semantics of the Functions host (host.json <c>extensions.queues</c>), so that the local
/// host retries and poisons messages exactly as Azure does.
/// </summary>
/// <param name="MaxDequeueCount">After this many failed attempts a message moves to <c>&lt;queue&gt;-poison</c>.</param>
/// <param name="VisibilityTimeout">How long a failed message stays invisible before the next attempt.</param>
/// <param name="BatchSize">Messages received per poll.</param>
/// <param name="MaxPollingInterval">Longest wait between polls of an empty queue.</param>
public sealed record QueuePumpSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize, TimeSpan MaxPollingInterval)
{
    /// <summary>The values of the repository's host.json.</summary>
    public static QueuePumpSettings FunctionsDefaults { get; } = new(5, TimeSpan.FromSeconds(30), 16, TimeSpan.FromSeconds(2));
}
