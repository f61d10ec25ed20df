namespace MentorNudge.Api.Contracts;

/// <summary>Answer of <c>POST /api/v1/me/tokens</c>: the token is shown only here.</summary>
public sealed record CreatedTokenResponse(string Id, string Token, NodaTime.Instant CreatedAt, NodaTime.Instant? ExpiresAt);
