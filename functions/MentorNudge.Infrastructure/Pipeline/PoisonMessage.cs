namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>A message that failed too often and was moved to <c>&lt;queue&gt;-poison</c>. Ids only, no personal data.</summary>
public sealed record PoisonMessage(string MessageId, string Text, long DequeueCount, DateTimeOffset? InsertedOn);
