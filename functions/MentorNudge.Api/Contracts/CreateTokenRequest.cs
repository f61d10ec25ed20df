using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/me/tokens</c> (optional): <c>expiresAt</c> null or absent for a token that never expires.</summary>
public sealed record CreateTokenRequest(Instant? ExpiresAt);
