namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>A new user and their API token. The token is shown once: only its hash is stored.</summary>
public sealed record CreatedUser(string UserId, string Token);
