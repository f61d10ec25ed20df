using NodaTime;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>An API token's stored row: never the token itself, only its SHA-256 hash.</summary>
/// <param name="Hash">Lowercase hex SHA-256 of the token (<see cref="StorageKeys.HashToken"/>).</param>
/// <param name="UserId">The user it authenticates.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops working; null for never.</param>
/// <param name="Revoked">Revoked tokens are kept only until erasure; they never authenticate.</param>
public sealed record StoredApiToken(string Hash, string UserId, Instant CreatedAt, Instant? ExpiresAt, bool Revoked)
{
    /// <summary>The token's public id: a prefix of its hash, safe to show and to send back to revoke it.</summary>
    public string Id => IdOf(Hash);

    /// <summary>The public id of the token with hash <paramref name="hash"/>.</summary>
    public static string IdOf(string hash) => "tk_" + hash[..24];

    /// <summary>True when the token authenticates at <paramref name="now"/>.</summary>
    public bool IsValidAt(Instant now) => !Revoked && (ExpiresAt is not { } expiry || now < expiry);
}
