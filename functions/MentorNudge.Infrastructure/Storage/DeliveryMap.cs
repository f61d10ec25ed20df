using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// Message key / provider message id → (user, nudge, recipient), so a delivery report that names
/// only the message can be applied to the right user, and only when it names the address the message
/// went to. Holds ids and a hash of the recipient, no personal data in clear.
/// </summary>
public sealed class DeliveryMap(StorageClients clients)
{
    public async Task RecordAsync(string key, string userId, string nudgeId, string recipient, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entity = new TableEntity(Escape(key), "")
        {
            ["UserId"] = userId,
            ["NudgeId"] = nudgeId,
            ["RecipientHash"] = RecipientHash(recipient),
        };
        await clients.Deliveries.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the row for <paramref name="key"/> (erasure); a row already gone is fine.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        // The table client answers a missing row with its 404 response, not an exception.
        using var _ = await clients.Deliveries.DeleteEntityAsync(Escape(key), "", ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a row for <paramref name="key"/> was written.</summary>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Deliveries.GetEntityIfExistsAsync<TableEntity>(Escape(key), "", select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue;
    }

    /// <summary>The message <paramref name="key"/> names, when it was sent to <paramref name="recipient"/>; null otherwise.</summary>
    public async Task<(string UserId, string NudgeId)?> FindAsync(string key, string? recipient, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || string.IsNullOrWhiteSpace(recipient))
        {
            return null;
        }

        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Deliveries.GetEntityIfExistsAsync<TableEntity>(Escape(key), "", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value!.GetString("RecipientHash") is not { } stored)
        {
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(RecipientHash(recipient)));
        return matches ? (response.Value.GetString("UserId"), response.Value.GetString("NudgeId")) : null;
    }

    private static string RecipientHash(string recipient) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.Trim().ToLowerInvariant())));

    /// <summary>
    /// Provider ids may contain characters keys do not allow ('/', '\', '#', '?' and control
    /// characters, which would otherwise make the storage request fail): each becomes %XX.
    /// </summary>
    internal static string Escape(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString(c > 0xFF ? "X4" : "X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
