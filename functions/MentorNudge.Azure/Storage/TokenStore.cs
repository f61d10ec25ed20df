using Azure;
using Azure.Data.Tables;

namespace MentorNudge.Azure.Storage;

/// <summary>API tokens, stored only as SHA-256 hashes: hash → user id, revocable.</summary>
public sealed class TokenStore(StorageClients clients)
{
    public async Task AddAsync(string tokenHash, string userId, NodaTime.Instant createdAt, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entity = new TableEntity(tokenHash, "")
        {
            ["UserId"] = userId,
            ["CreatedAt"] = createdAt.ToUnixTimeTicks(),
            ["Revoked"] = false,
        };
        await clients.Tokens.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user of an unrevoked token hash, else null.</summary>
    public async Task<string?> FindUserAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Tokens.GetEntityIfExistsAsync<TableEntity>(tokenHash, "", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value!.GetBoolean("Revoked") == true)
        {
            return null;
        }

        return response.Value.GetString("UserId");
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
