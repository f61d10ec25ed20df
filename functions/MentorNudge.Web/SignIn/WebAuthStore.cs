using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Web.SignIn;

/// <summary>
/// The web app's rows, in their own table (<c>{prefix}web</c>): sign-in links and sessions (both
/// stored only as SHA-256 hashes of their secrets), each user's session generation (bumped by "sign
/// out everywhere"), the email → user index used to send sign-in links, and the prompts a user
/// skipped this week.
/// </summary>
public sealed class WebAuthStore(StorageClients clients, IOptions<StorageOptions> storage) : MentorNudge.Infrastructure.UseCases.IUserDataEraser
{
    private const string LinkPartition = "link";
    private const string SessionPartition = "session";
    private const string EmailPartition = "email";
    private readonly TableClient _table = clients.TableService.GetTableClient(storage.Value.TablePrefix + "web");
    private Task? _created;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string EmailKey(string email) => Hash(email.Trim().ToUpperInvariant());

    public async Task AddLinkAsync(string tokenHash, SignInLinkRecord link, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        await _table.AddEntityAsync(
            new TableEntity(LinkPartition, tokenHash)
            {
                ["Email"] = link.Email,
                ["UserId"] = link.UserId,
                ["TimeZone"] = link.TimeZone,
                ["ExpiresAt"] = link.ExpiresAt.ToUnixTimeTicks(),
            },
            ct).ConfigureAwait(false);
    }

    /// <summary>Reads and deletes the link in one go (ETag-checked), so it works once even under a race; null when gone.</summary>
    public async Task<SignInLinkRecord?> TakeLinkAsync(string tokenHash, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(LinkPartition, tokenHash, cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue)
        {
            return null;
        }

        var e = found.Value!;
        try
        {
            await _table.DeleteEntityAsync(LinkPartition, tokenHash, e.ETag, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }

        return new SignInLinkRecord(e.GetString("Email") ?? "", e.GetString("UserId"), e.GetString("TimeZone"), Instant.FromUnixTimeTicks(e.GetInt64("ExpiresAt") ?? 0));
    }

    public async Task AddSessionAsync(string sessionHash, WebSession session, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        await _table.AddEntityAsync(
            new TableEntity(SessionPartition, sessionHash)
            {
                ["UserId"] = session.UserId,
                ["Csrf"] = session.CsrfToken,
                ["Generation"] = session.Generation,
                ["ExpiresAt"] = session.ExpiresAt.ToUnixTimeTicks(),
            },
            ct).ConfigureAwait(false);
    }

    public async Task<WebSession?> FindSessionAsync(string sessionHash, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(SessionPartition, sessionHash, cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue)
        {
            return null;
        }

        var e = found.Value!;
        return new WebSession(e.GetString("UserId") ?? "", e.GetString("Csrf") ?? "", e.GetInt32("Generation") ?? 0, Instant.FromUnixTimeTicks(e.GetInt64("ExpiresAt") ?? 0));
    }

    public async Task DeleteSessionAsync(string sessionHash, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        await IgnoreMissingAsync(_table.DeleteEntityAsync(SessionPartition, sessionHash, ETag.All, ct)).ConfigureAwait(false);
    }

    /// <summary>The user's session generation: sessions of an older generation are signed out.</summary>
    public async Task<int> GenerationAsync(string userId, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(UserPartition(userId), "generation", cancellationToken: ct).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetInt32("Value") ?? 0 : 0;
    }

    public async Task BumpGenerationAsync(string userId, CancellationToken ct)
    {
        var next = await GenerationAsync(userId, ct).ConfigureAwait(false) + 1;
        await _table.UpsertEntityAsync(new TableEntity(UserPartition(userId), "generation") { ["Value"] = next }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<string?> FindUserIdByEmailAsync(string email, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(EmailPartition, EmailKey(email), cancellationToken: ct).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString("UserId") : null;
    }

    public async Task IndexEmailAsync(string email, string userId, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        await _table.UpsertEntityAsync(new TableEntity(EmailPartition, EmailKey(email)) { ["UserId"] = userId }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> SkippedAsync(string userId, string weekKey, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UserPartition(userId)} and RowKey ge {"skip-" + weekKey + "-"} and RowKey lt {"skip-" + weekKey + "."}");
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            skipped.Add(e.RowKey[("skip-" + weekKey + "-").Length..]);
        }

        return skipped;
    }

    public async Task SkipAsync(string userId, string weekKey, string personId, CancellationToken ct)
    {
        await EnsureAsync().ConfigureAwait(false);
        await _table.UpsertEntityAsync(new TableEntity(UserPartition(userId), "skip-" + weekKey + "-" + personId), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Erasure: the user's sessions first (from then on no browser is signed in as them), their
    /// unused sign-in links, the email index row, then their partition (generation, skips). No row
    /// naming the user is left; a session missed by a race names a user that no longer exists,
    /// which signs it out.
    /// </summary>
    public async Task EraseUserAsync(string userId, string email, CancellationToken cancellationToken)
    {
        await EnsureAsync().ConfigureAwait(false);
        await DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {SessionPartition} and UserId eq {userId}"), cancellationToken).ConfigureAwait(false);
        await DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {LinkPartition} and (UserId eq {userId} or Email eq {email})"), cancellationToken).ConfigureAwait(false);
        await IgnoreMissingAsync(_table.DeleteEntityAsync(EmailPartition, EmailKey(email), ETag.All, cancellationToken)).ConfigureAwait(false);
        await DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {UserPartition(userId)}"), cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteWhereAsync(string filter, CancellationToken ct)
    {
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            await IgnoreMissingAsync(_table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, ct)).ConfigureAwait(false);
        }
    }

    private static string UserPartition(string userId) => "user-" + userId;

    private static async Task IgnoreMissingAsync(Task<Response> delete)
    {
        try
        {
            await delete.ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    private Task EnsureAsync()
    {
        var created = _created;
        if (created is not null && !created.IsFaulted)
        {
            return created;
        }

        return _created = Task.WhenAll(clients.EnsureCreatedAsync(), _table.CreateIfNotExistsAsync());
    }
}
