using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;
using NodaTime;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>
/// One row per captured email in the user's partition (<c>captured|&lt;id&gt;</c>, the id a hash of
/// the Message-ID), so the same message is logged once however often it arrives, undo knows what to
/// remove, and erasing the user erases them. Claiming is an insert: the second claim of an id fails.
/// </summary>
public sealed class CaptureRecords(StorageClients clients, IClock clock)
{
    private const string Prefix = "captured|";

    /// <summary>The capture id of a Message-ID: <c>c</c> and 32 hex digits of its SHA-256.</summary>
    public static string IdOf(string messageId) =>
        "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..32];

    /// <summary>Records the id as pending; false when it was recorded before.</summary>
    public async Task<bool> TryClaimAsync(string userId, string captureId, CancellationToken ct)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        try
        {
            var row = new TableEntity(userId, Prefix + captureId) { ["State"] = "pending", ["ReceivedAt"] = clock.GetCurrentInstant().ToUnixTimeTicks() };
            await clients.Data.AddEntityAsync(row, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a claim whose apply failed, so the sender's retry is applied.</summary>
    public async Task ReleaseAsync(string userId, string captureId)
    {
        using var _ = await clients.Data.DeleteEntityAsync(userId, Prefix + captureId, ETag.All, CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<CaptureRecord?> FindAsync(string userId, string captureId, CancellationToken ct)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, Prefix + captureId, cancellationToken: ct).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new CaptureRecord(captureId, e.GetString("State") ?? "pending", List(e, "AskIds"), List(e, "CreatedPersonIds"));
    }

    public async Task SaveAsync(string userId, CaptureRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TableEntity(userId, Prefix + record.CaptureId)
        {
            ["State"] = record.State,
            ["AskIds"] = JsonSerializer.Serialize(record.AskIds),
            ["CreatedPersonIds"] = JsonSerializer.Serialize(record.CreatedPersonIds),
            ["ChangedAt"] = clock.GetCurrentInstant().ToUnixTimeTicks(),
        };
        await clients.Data.UpsertEntityAsync(row, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    private static string[] List(TableEntity e, string name) =>
        e.GetString(name) is { Length: > 0 } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [];
}
