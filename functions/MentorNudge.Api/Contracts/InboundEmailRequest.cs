namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/hooks/{userId}/inbound-email</c>: an email forwarded by the user's mail system.</summary>
public sealed record InboundEmailRequest(string? From, string? To, string? Subject, string? Text, Dictionary<string, string>? Headers);
