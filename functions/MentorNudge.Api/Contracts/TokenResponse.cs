using MentorNudge.Infrastructure.Storage;
using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>One API token as listed by <c>GET /api/v1/me/tokens</c>: never the secret.</summary>
public sealed record TokenResponse(string Id, Instant CreatedAt, Instant? ExpiresAt)
{
    public static TokenResponse From(StoredApiToken token) => new(token.Id, token.CreatedAt, token.ExpiresAt);
}
