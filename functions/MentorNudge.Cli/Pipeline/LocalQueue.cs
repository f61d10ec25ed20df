using Azure.Storage.Queues;

namespace MentorNudge.Cli.Pipeline;

/// <summary>One queue the local host drains, its poison queue, and the handler the Functions trigger calls.</summary>
/// <param name="Queue">The queue (configured with the message encoding the app writes).</param>
/// <param name="Poison">Where messages go after too many failed attempts.</param>
/// <param name="Handler">The trigger's call.</param>
public sealed record LocalQueue(QueueClient Queue, QueueClient Poison, QueueHandler Handler);
