using Azure.Data.Tables;

namespace MentorNudge.Azure.Storage;

/// <summary>
/// Message key / provider message id → (user, nudge), so a delivery report that names only the
/// message can be applied to the right user. Holds ids only, no personal data.
/// </summary>
public sealed class DeliveryMap(StorageClients clients)
{
    public async Task RecordAsync(string key, string userId, string nudgeId, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var entity = new TableEntity(Escape(key), "")
        {
            ["UserId"] = userId,
            ["NudgeId"] = nudgeId,
        };
        await clients.Deliveries.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(string UserId, string NudgeId)?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await clients.Deliveries.GetEntityIfExistsAsync<TableEntity>(Escape(key), "", cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? (response.Value!.GetString("UserId"), response.Value!.GetString("NudgeId")) : null;
    }

    // Provider ids may contain characters keys do not allow ('/', '\', '#', '?').
    private static string Escape(string key) =>
        key.Replace("/", "%2F", StringComparison.Ordinal).Replace("\\", "%5C", StringComparison.Ordinal)
           .Replace("#", "%23", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal);
}
