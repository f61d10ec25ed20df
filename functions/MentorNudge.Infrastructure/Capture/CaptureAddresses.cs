using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using MentorNudge.Infrastructure.UseCases;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>
/// Personal capture addresses <c>log+&lt;id&gt;@&lt;inbound domain&gt;</c>. The id is an HMAC of the
/// user id and a generation under a key derived from the action signing key: not guessable, not the
/// user id, and shown again on every read without being stored. Rotating bumps the generation.
/// What is stored: in the user's partition the row <see cref="SettingsRow"/> (generation, the
/// id's SHA-256, the create-people switch); in the tokens table a lookup row keyed by the id's
/// SHA-256 naming the user. Finding the user of an address is two point reads, and a stale lookup
/// row (rotated, erased, key rotated) never matches because the partition row must agree.
/// </summary>
public sealed class CaptureAddresses(StorageClients clients, ContentOptions content, IOptions<CaptureOptions> options, ILogger<CaptureAddresses> logger)
    : IUserDataEraser
{
    /// <summary>The row key of the capture settings in the user's partition.</summary>
    public const string SettingsRow = "captureaddress";

    private const string LookupPrefix = "capture|";
    private const string LookupRow = "capture";
    private const int IdLength = 26;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, content.ActionSigningKey, 32, salt: [], info: Encoding.UTF8.GetBytes("mentornudge/capture-address/v1"));

    /// <summary>The user's address (issued on first use), or null while capture is off.</summary>
    /// <exception cref="NotFoundException">No such user.</exception>
    public async Task<CaptureAddress?> GetAsync(string userId, CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        var row = await ReadOrIssueAsync(userId, rotate: false, createPeople: null, ct).ConfigureAwait(false);
        return new CaptureAddress(options.Value.AddressFor(row.Id), row.CreatePeople);
    }

    /// <summary>Issues a new address; the previous one stops working at once. Null while capture is off.</summary>
    public async Task<CaptureAddress?> RotateAsync(string userId, CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        var row = await ReadOrIssueAsync(userId, rotate: true, createPeople: null, ct).ConfigureAwait(false);
        logger.LogInformation("Rotated the capture address of user {UserId}", userId);
        return new CaptureAddress(options.Value.AddressFor(row.Id), row.CreatePeople);
    }

    /// <summary>Sets whether unknown recipients become people. Null while capture is off.</summary>
    public async Task<CaptureAddress?> SetCreatePeopleAsync(string userId, bool createPeople, CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        var row = await ReadOrIssueAsync(userId, rotate: false, createPeople, ct).ConfigureAwait(false);
        return new CaptureAddress(options.Value.AddressFor(row.Id), row.CreatePeople);
    }

    /// <summary>Erasure: the lookup row of the user's current address (the partition row goes with the partition).</summary>
    public async Task EraseUserAsync(string userId, string email, CancellationToken cancellationToken)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var settings = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, SettingsRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (settings.HasValue && settings.Value!.GetString("IdHash") is { Length: > 0 } hash)
        {
            using var _ = await clients.Tokens.DeleteEntityAsync(LookupPrefix + hash, LookupRow, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The user and settings behind a capture address (any case), or null when it is not one of the
    /// configured domain's capture addresses or no current address of any user.
    /// </summary>
    public async Task<(string UserId, bool CreatePeople)?> FindAsync(string address, CancellationToken ct = default)
    {
        var id = OpaqueIdOf(address);
        if (id is null)
        {
            return null;
        }

        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var hash = StorageKeys.HashToken(id);
        var lookup = await clients.Tokens.GetEntityIfExistsAsync<TableEntity>(LookupPrefix + hash, LookupRow, cancellationToken: ct).ConfigureAwait(false);
        if (!lookup.HasValue || lookup.Value!.GetString("UserId") is not { Length: > 0 } userId)
        {
            return null;
        }

        var settings = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, SettingsRow, cancellationToken: ct).ConfigureAwait(false);
        if (!settings.HasValue || settings.Value!.GetString("IdHash") is not { } stored
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(hash)))
        {
            return null;
        }

        return (userId, settings.Value.GetBoolean("CreatePeople") == true);
    }

    /// <summary>The opaque id of <paramref name="address"/> when it is shaped like a capture address of the configured domain.</summary>
    public string? OpaqueIdOf(string? address)
    {
        var domain = options.Value.InboundDomain?.Trim();
        if (string.IsNullOrEmpty(domain) || string.IsNullOrEmpty(address))
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || !address[(at + 1)..].Equals(domain, StringComparison.OrdinalIgnoreCase)
            || !address.StartsWith(CaptureOptions.LocalPartPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = address[CaptureOptions.LocalPartPrefix.Length..at].ToLowerInvariant();
        return id.Length == IdLength && id.All(c => Base32.Contains(c, StringComparison.Ordinal)) ? id : null;
    }

    private async Task<(string Id, bool CreatePeople)> ReadOrIssueAsync(string userId, bool rotate, bool? createPeople, CancellationToken ct)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var user = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, StorageKeys.UserRow, select: ["PartitionKey"], cancellationToken: ct).ConfigureAwait(false);
        if (!user.HasValue)
        {
            throw NotFoundException.For("user", userId);
        }

        var existing = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, SettingsRow, cancellationToken: ct).ConfigureAwait(false);
        var generation = existing.HasValue ? existing.Value!.GetInt32("Generation") ?? 1 : 1;
        var oldHash = existing.HasValue ? existing.Value!.GetString("IdHash") : null;
        var create = createPeople ?? (existing.HasValue && existing.Value!.GetBoolean("CreatePeople") == true);
        if (rotate)
        {
            generation++;
        }

        var id = OpaqueId(userId, generation);
        var hash = StorageKeys.HashToken(id);
        if (existing.HasValue && hash == oldHash && create == (existing.Value!.GetBoolean("CreatePeople") == true))
        {
            return (id, create);
        }

        // The lookup first: a crash after it leaves a row that matches nothing until the settings row agrees.
        await clients.Tokens.UpsertEntityAsync(new TableEntity(LookupPrefix + hash, LookupRow) { ["UserId"] = userId }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        var row = new TableEntity(userId, SettingsRow) { ["Generation"] = generation, ["IdHash"] = hash, ["CreatePeople"] = create };
        if (existing.HasValue)
        {
            await clients.Data.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
        else
        {
            await clients.Data.AddEntityAsync(row, ct).ConfigureAwait(false);
        }

        if (oldHash is not null && oldHash != hash)
        {
            using var deleted = await clients.Tokens.DeleteEntityAsync(LookupPrefix + oldHash, LookupRow, ETag.All, ct).ConfigureAwait(false);
        }

        return (id, create);
    }

    private string OpaqueId(string userId, int generation)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId + "\n" + generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var text = new StringBuilder(IdLength);
        int buffer = 0, bits = 0;
        foreach (var b in mac)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && text.Length < IdLength)
            {
                text.Append(Base32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return text.ToString();
    }
}
