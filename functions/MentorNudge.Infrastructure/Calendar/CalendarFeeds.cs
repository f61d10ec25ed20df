using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Calendar;

/// <summary>
/// A user's secret calendar feed: create or rotate (a new random token replaces the old one),
/// revoke, and find the user of a token. The token is <c>{userId}.{secret}</c>; only the secret's
/// SHA-256 hash is stored, in one row of the user's own partition (<see cref="RowKey"/>), so a
/// feed request costs one point read before the partition is loaded, and erasing the user erases
/// the feed with everything else.
/// </summary>
public sealed class CalendarFeeds(StorageClients clients, UserPartitionEditor partitions, IClock clock, ILogger<CalendarFeeds> logger)
{
    /// <summary>The row key of the feed row in the user's partition.</summary>
    public const string RowKey = "calendarfeed";

    /// <summary>Issues a new feed token for the user, replacing any previous one; the token is in the result and nowhere else.</summary>
    /// <exception cref="NotFoundException">No such user.</exception>
    public async Task<string> RotateAsync(string userId, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var user = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, StorageKeys.UserRow, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!user.HasValue)
        {
            throw NotFoundException.For("user", userId);
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var row = new TableEntity(userId, RowKey)
        {
            ["Hash"] = StorageKeys.HashToken(secret),
            ["CreatedAt"] = clock.GetCurrentInstant().ToUnixTimeTicks(),
        };
        await clients.Data.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Issued a calendar feed for user {UserId}", userId);
        return userId + "." + secret;
    }

    /// <summary>Revokes the user's feed; false when there was none.</summary>
    public async Task<bool> RevokeAsync(string userId, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        // The table client answers a missing row with its 404 response rather than an exception.
        using var response = await clients.Data.DeleteEntityAsync(userId, RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return false;
        }

        logger.LogInformation("Revoked the calendar feed of user {UserId}", userId);
        return true;
    }

    /// <summary>When the user's current feed was issued, or null when they have none (the token itself is never kept).</summary>
    public async Task<Instant?> IssuedAtAsync(string userId, CancellationToken cancellationToken = default)
    {
        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, RowKey, select: ["CreatedAt"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Instant.FromUnixTimeTicks(row.Value!.GetInt64("CreatedAt") ?? 0) : null;
    }

    /// <summary>The user a feed token belongs to and when it was issued, else null (unknown, revoked, rotated or malformed).</summary>
    public async Task<(string UserId, Instant IssuedAt)?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1 || token.Length > 200)
        {
            return null;
        }

        var userId = token[..dot];
        if (userId.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            return null;
        }

        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await clients.Data.GetEntityIfExistsAsync<TableEntity>(userId, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value!.GetString("Hash") is not { } stored)
        {
            return null;
        }

        var presented = StorageKeys.HashToken(token[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented))
            ? (userId, Instant.FromUnixTimeTicks(row.Value.GetInt64("CreatedAt") ?? 0))
            : null;
    }

    /// <summary>The user's feed content: scheduled nudges due from <paramref name="from"/> for a year, with the people they are about. One partition query.</summary>
    public async Task<CalendarFeedContent> ContentAsync(string userId, Instant from, CancellationToken cancellationToken = default)
    {
        var p = await partitions.LoadAsync(userId, cancellationToken).ConfigureAwait(false);
        var nudges = Schedule.Upcoming(p, from, from + Duration.FromDays(366));
        var people = p.People.Values.ToDictionary(e => e.Value.Id, e => e.Value.Name, StringComparer.Ordinal);
        return new CalendarFeedContent(p.User!.Value.Settings.Zone, nudges, people);
    }
}
