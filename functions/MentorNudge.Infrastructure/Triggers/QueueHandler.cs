namespace MentorNudge.Infrastructure.Triggers;

/// <summary>Handles one queue message: the same call the Functions queue trigger makes.</summary>
/// <param name="messageText">The decoded message body.</param>
/// <param name="dequeueCount">How many times the message has been received, this time included.</param>
/// <param name="cancellationToken">Cancels the handling.</param>
public delegate Task<QueueHandlingResult> QueueHandler(string messageText, long dequeueCount, CancellationToken cancellationToken);
