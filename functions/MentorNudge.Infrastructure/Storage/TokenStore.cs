using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// API tokens, stored only as SHA-256 hashes: one row per token keyed by its hash (hash → user id,
/// creation, optional expiry, revoked), so authenticating is a single point read.
/// </summary>
public sealed class TokenStore(StorageClients clients)
{
    public Task AddAsync(string tokenHash, string userId, Instant createdAt, CancellationToken cancellationToken = default) =>
        AddAsync(tokenHash, userId, createdAt, expiresAt: null, cancellationToken);

    public async Task AddAsync(string tokenHash, string userId, Instant createdAt, Instant? expiresAt, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entity = new TableEntity(tokenHash, "")
        {
            ["UserId"] = userId,
            ["CreatedAt"] = createdAt.ToUnixTimeTicks(),
            ["Revoked"] = false,
        };
        if (expiresAt is { } expiry)
        {
            entity["ExpiresAt"] = expiry.ToUnixTimeTicks();
        }

        await clients.Tokens.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored row of a token hash (revoked or expired ones included), else null.</summary>
    public async Task<StoredApiToken?> FindAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Tokens.GetEntityIfExistsAsync<TableEntity>(tokenHash, "", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value!.GetString("UserId") is not { } userId)
        {
            return null;
        }

        var e = response.Value;
        return new StoredApiToken(
            tokenHash,
            userId,
            Instant.FromUnixTimeTicks(e.GetInt64("CreatedAt") ?? 0),
            e.GetInt64("ExpiresAt") is { } expires ? Instant.FromUnixTimeTicks(expires) : null,
            e.GetBoolean("Revoked") == true);
    }

    /// <summary>The user of a token hash that is neither revoked nor expired at <paramref name="now"/>, else null.</summary>
    public async Task<string?> FindUserAsync(string tokenHash, Instant now, CancellationToken cancellationToken = default)
    {
        var token = await FindAsync(tokenHash, cancellationToken).ConfigureAwait(false);
        return token is not null && token.IsValidAt(now) ? token.UserId : null;
    }

    public async Task RevokeAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entity = new TableEntity(tokenHash, "") { ["Revoked"] = true };
        try
        {
            await clients.Tokens.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: revoked enough.
        }
    }

    public async Task DeleteAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        try
        {
            await clients.Tokens.DeleteEntityAsync(tokenHash, "", ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleting twice is fine (erasure retried).
        }
    }
}
