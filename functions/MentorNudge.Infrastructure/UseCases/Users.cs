using System.Buffers.Text;
using System.Security.Cryptography;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.UseCases;

/// <summary>
/// A user's account: creation, API tokens (stored only as SHA-256 hashes), profile and settings,
/// unsubscribe, export and erasure. Every change re-plans the user at once.
/// </summary>
public sealed class Users(
    UserPartitionEditor partitions,
    UserDataRepository data,
    TokenStore tokens,
    NudgeScheduler scheduler,
    WebhookEventLog events,
    WebhookDeliveryLog webhookDeliveries,
    DueIndex dueIndex,
    DeliveryMap deliveries,
    IEnumerable<IUserDataEraser> erasers,
    IClock clock,
    ILogger<Users> logger)
{
    /// <summary>Creates a user and their first API token (256 random bits, base64url; stored as SHA-256).</summary>
    public async Task<CreatedUser> CreateAsync(string email, UserSettings settings, string? displayName = null, CancellationToken cancellationToken = default)
    {
        Validate(email, displayName, settings);
        var now = clock.GetCurrentInstant();
        var user = new User(UserPartitionEditor.NewId("u"), email.Trim(), settings, now, displayName);
        var token = NewToken();
        var hash = StorageKeys.HashToken(token);
        await data.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, EntityMapper.FromUser(user)),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(user.Id, StorageKeys.Token(hash))),
            ],
            cancellationToken).ConfigureAwait(false);
        await tokens.AddAsync(hash, user.Id, now, cancellationToken).ConfigureAwait(false);
        await scheduler.ReplanAsync(user.Id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Created user {UserId}", user.Id);
        return new CreatedUser(user.Id, token);
    }

    /// <summary>The user id of a valid token, neither revoked nor expired (one point read of the token row); null otherwise.</summary>
    public async Task<string?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }

        return await tokens.FindUserAsync(StorageKeys.HashToken(token.Trim()), clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Issues an additional token for the user (rotation: issue, then revoke the old one).</summary>
    public async Task<string> IssueTokenAsync(string userId, CancellationToken cancellationToken = default)
    {
        _ = await GetAsync(userId, cancellationToken).ConfigureAwait(false);
        var token = NewToken();
        var hash = StorageKeys.HashToken(token);
        await data.SubmitAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(userId, StorageKeys.Token(hash)))], cancellationToken).ConfigureAwait(false);
        await tokens.AddAsync(hash, userId, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>Revokes one of the user's tokens (a token of another user is not found).</summary>
    public async Task RevokeTokenAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = StorageKeys.HashToken(token.Trim());
        var partition = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!partition.TokenHashes.Contains(hash))
        {
            throw NotFoundException.For("token", "(hidden)");
        }

        await tokens.RevokeAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user (a point read of the user row); <see cref="NotFoundException"/> when unknown.</summary>
    public async Task<User> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        await FindAsync(userId, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.For("user", userId ?? "");

    /// <summary>The user (a point read of the user row), or null when unknown: for callers that must not tell "unknown" apart (signed hooks).</summary>
    public Task<User?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        data.GetUserAsync(userId, cancellationToken);

    /// <summary>
    /// Replaces email, display name and settings; re-plans at once. A new address clears the
    /// undeliverable flag (mail flows again); <paramref name="unsubscribed"/>, when given, sets or
    /// clears the one-click unsubscribe.
    /// </summary>
    public async Task<User> UpdateAsync(string userId, string email, UserSettings settings, string? displayName = null, bool? unsubscribed = null, CancellationToken cancellationToken = default)
    {
        Validate(email, displayName, settings);
        var (_, after) = await UpdateAsync(userId, _ => new UserUpdate(email, settings, displayName, unsubscribed), cancellationToken).ConfigureAwait(false);
        return after;
    }

    /// <summary>
    /// The same change, decided on the user as loaded for it (one partition load; e.g. a request
    /// that leaves out the webhook secret keeps the stored one). <paramref name="decide"/> may run
    /// again when a concurrent change wins, and may throw <see cref="ValidationFailedException"/>.
    /// Returns the user before and after.
    /// </summary>
    public async Task<(User Before, User After)> UpdateAsync(string userId, Func<User, UserUpdate> decide, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var (result, _) = await partitions.ChangeAsync(userId, p =>
        {
            var current = p.User!.Value;
            var (email, settings, displayName, unsubscribed) = decide(current);
            Validate(email, displayName, settings);
            var newAddress = !string.Equals(current.Email, email.Trim(), StringComparison.OrdinalIgnoreCase);
            var updated = current with
            {
                Email = email.Trim(),
                Settings = settings,
                DisplayName = displayName,
                EmailUndeliverable = current.EmailUndeliverable && !newAddress,
                Unsubscribed = unsubscribed ?? current.Unsubscribed,
            };
            return (new List<PendingWrite> { UserPartitionEditor.ReplaceUser(p, updated) }, (current, updated));
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Stops all email to the user (the one-click unsubscribe); future nudges are cancelled unless a webhook is set.</summary>
    public Task UnsubscribeAsync(string userId, CancellationToken cancellationToken = default) =>
        partitions.ChangeAsync(userId, p =>
        {
            var updated = p.User!.Value with { Unsubscribed = true };
            return (new List<PendingWrite> { UserPartitionEditor.ReplaceUser(p, updated) }, true);
        }, cancellationToken);

    /// <summary>Everything stored about the user, from one load of their partition.</summary>
    public async Task<UserExport> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        var zone = p.User!.Value.Settings.Zone;
        return new UserExport(
            p.User.Value,
            p.PersonList,
            p.AskList,
            p.InteractionList,
            p.Nudges.Values.OrderBy(n => n.Nudge.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal).Select(n => ScheduledNudge.From(n, zone)).ToList());
    }

    /// <summary>
    /// Erases the user: tokens first (no more access), then every row of the partition, the user
    /// row last, then their inbound event ids and outbound webhook deliveries. Due-index rows and
    /// queued messages that remain name a nudge that no longer exists, so they are skipped;
    /// delivery-map rows hold ids only and lead nowhere.
    /// </summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        foreach (var hash in p.TokenHashes)
        {
            await tokens.DeleteAsync(hash, cancellationToken).ConfigureAwait(false);
        }

        foreach (var eraser in erasers)
        {
            await eraser.EraseUserAsync(userId, p.User!.Value.Email, cancellationToken).ConfigureAwait(false);
        }

        // Rows outside the partition that name the user, found through the nudges that wrote
        // them: each one's current due-index row and the delivery-map row of a sent one. Before
        // the partition goes, so an erasure that fails half-way is simply asked for again.
        foreach (var nudge in p.Nudges.Values)
        {
            if (nudge.IndexPartition is { } indexPartition && nudge.IndexRow is { } indexRow)
            {
                await dueIndex.DeleteAsync(indexPartition, indexRow, cancellationToken).ConfigureAwait(false);
            }

            if (nudge.Sender is not null)
            {
                await deliveries.DeleteAsync(nudge.ProviderMessageId ?? nudge.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        await data.DeletePartitionAsync(p, cancellationToken).ConfigureAwait(false);
        await events.DeleteUserAsync(userId, cancellationToken).ConfigureAwait(false);
        await webhookDeliveries.DeleteUserAsync(userId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Erased user {UserId}", userId);
    }

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The Core's rules (<see cref="UserSettingsValidator"/>), the same the API reports field by field.</summary>
    private void Validate(string email, string? displayName, UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new UserSettingsValidator(clock).ValidateProfile(email?.Trim(), displayName, settings);
        if (errors.Count > 0)
        {
            throw ValidationFailedException.From(errors);
        }
    }
}

/// <summary>A profile and settings change: what <see cref="Users.UpdateAsync(string, Func{User, UserUpdate}, CancellationToken)"/> decides on the loaded user.</summary>
public sealed record UserUpdate(string Email, UserSettings Settings, string? DisplayName = null, bool? Unsubscribed = null);
