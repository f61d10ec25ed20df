using Azure.Storage.Queues;

namespace MentorNudge.Infrastructure.Triggers;

/// <summary>One queue a <see cref="QueuePump"/> drains, its poison queue, and the handler its Functions trigger calls.</summary>
/// <param name="Queue">The queue (configured with the message encoding the app writes).</param>
/// <param name="Poison">Where messages go after too many failed attempts.</param>
/// <param name="Handler">The trigger's call.</param>
public sealed record PumpedQueue(QueueClient Queue, QueueClient Poison, QueueHandler Handler);
