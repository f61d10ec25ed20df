using System.Buffers.Text;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.Tokens;

/// <summary>
/// A user's API tokens: issue (optionally expiring), list, revoke one, revoke all. A token is 256
/// random bits shown once; only its SHA-256 hash is stored, in two places: the lookup row of the
/// tokens table (what authentication point-reads) and an index row in the user's partition
/// (<c>token|{hash}</c>, so the user's tokens can be listed and are erased with the user).
/// </summary>
public sealed class ApiTokenService(
    StorageClients clients,
    TokenStore tokens,
    IOptions<UserCapsOptions> caps,
    IClock clock,
    ILogger<ApiTokenService> logger)
{
    /// <summary>Issues a token for an existing user; the secret is in the result and nowhere else.</summary>
    /// <exception cref="NotFoundException">No such user.</exception>
    /// <exception cref="CapExceededException">The user already holds <see cref="UserCapsOptions.MaxTokens"/> tokens.</exception>
    public async Task<(StoredApiToken Token, string Secret)> IssueAsync(string userId, Instant? expiresAt, CancellationToken cancellationToken = default)
    {
        if (!await UserExistsAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("user", userId);
        }

        var max = caps.Value.MaxTokens;
        if ((await ListAsync(userId, cancellationToken).ConfigureAwait(false)).Count >= max)
        {
            throw CapExceededException.For("tokens", max, "API tokens");
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = StorageKeys.HashToken(secret);
        var now = clock.GetCurrentInstant();

        // Index first: a token that authenticates is always one the user can see and revoke.
        await clients.Data.AddEntityAsync(new TableEntity(userId, StorageKeys.Token(hash)), cancellationToken).ConfigureAwait(false);
        await tokens.AddAsync(hash, userId, now, expiresAt, cancellationToken).ConfigureAwait(false);
        var token = new StoredApiToken(hash, userId, now, expiresAt, Revoked: false);
        logger.LogInformation("Issued API token {TokenId} for user {UserId}", token.Id, userId);
        return (token, secret);
    }

    /// <summary>The user's tokens that are not revoked (expired ones included, so the user sees why), oldest first.</summary>
    public async Task<IReadOnlyList<StoredApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var hashes = await IndexedHashesAsync(userId, cancellationToken).ConfigureAwait(false);
        var rows = await Task.WhenAll(hashes.Select(h => tokens.FindAsync(h, cancellationToken))).ConfigureAwait(false);
        return rows.OfType<StoredApiToken>()
            .Where(t => !t.Revoked && t.UserId == userId)
            .OrderBy(t => t.CreatedAt)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Revokes the user's token with public id <paramref name="tokenId"/>; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, string tokenId, CancellationToken cancellationToken = default)
    {
        var hashes = await IndexedHashesAsync(userId, cancellationToken).ConfigureAwait(false);
        var hash = hashes.FirstOrDefault(h => string.Equals(StoredApiToken.IdOf(h), tokenId, StringComparison.Ordinal));
        if (hash is null)
        {
            return false;
        }

        await RemoveAsync(userId, hash, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Revoked API token {TokenId} of user {UserId}", tokenId, userId);
        return true;
    }

    /// <summary>Revokes every token of the user; null when there is no such user, else how many were revoked.</summary>
    public async Task<int?> RevokeAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await UserExistsAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var hashes = await IndexedHashesAsync(userId, cancellationToken).ConfigureAwait(false);
        foreach (var hash in hashes)
        {
            await RemoveAsync(userId, hash, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Revoked all {Count} API tokens of user {UserId}", hashes.Count, userId);
        return hashes.Count;
    }

    // The lookup row goes first: from then on the token no longer authenticates, whatever fails next.
    private async Task RemoveAsync(string userId, string hash, CancellationToken cancellationToken)
    {
        await tokens.DeleteAsync(hash, cancellationToken).ConfigureAwait(false);
        try
        {
            await clients.Data.DeleteEntityAsync(userId, StorageKeys.Token(hash), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed concurrently: revoked either way.
        }
    }

    private async Task<bool> UserExistsAsync(string userId, CancellationToken cancellationToken)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var user = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, StorageKeys.UserRow, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return user.HasValue;
    }

    private async Task<List<string>> IndexedHashesAsync(string userId, CancellationToken cancellationToken)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {userId} and RowKey ge {StorageKeys.TokenPrefix} and RowKey lt {StorageKeys.PrefixEnd(StorageKeys.TokenPrefix)}");
        var hashes = new List<string>();
        await foreach (var row in clients.Data.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hashes.Add(row.RowKey[StorageKeys.TokenPrefix.Length..]);
        }

        return hashes;
    }
}
