using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using MentorNudge.Core.Engine;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Content;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Web.SignIn;

/// <summary>
/// Magic-link sign-in. A link carries 256 random bits plus an HMAC tag (so forged links are
/// rejected before storage is touched); only the SHA-256 of the token is stored, and taking it
/// deletes it, so it works once. Sessions are random cookie values stored hashed, with a CSRF token
/// and the user's session generation ("sign out everywhere" bumps it). Whether an email has an
/// account is never revealed: every well-formed request gets the same answer.
/// </summary>
public sealed class SignInService(
    WebAuthStore store,
    StorageClients clients,
    Users users,
    IEmailSender email,
    ContentOptions content,
    IOptions<WebOptions> options,
    IClock clock,
    ILogger<SignInService> logger)
{
    private const string LinkTagPurpose = "mentornudge-signin-link";

    /// <summary>Sends a sign-in link to <paramref name="address"/> when it has an account (or self sign-up is on); says nothing either way.</summary>
    public async Task RequestLinkAsync(string address, string? browserZone, Uri appRoot, CancellationToken ct)
    {
        var userId = await FindUserIdAsync(address, ct).ConfigureAwait(false);
        if (userId is null && !options.Value.SelfSignUp)
        {
            logger.LogInformation("Sign-in link requested for an address without an account");
            return;
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = secret + "." + Tag(secret);
        var zone = RequestValidator.Zone(browserZone) is null ? null : browserZone;
        var expires = clock.GetCurrentInstant() + Duration.FromTimeSpan(options.Value.SignInLinkLifetime);
        await store.AddLinkAsync(WebAuthStore.Hash(token), new SignInLinkRecord(address.Trim(), userId, zone, expires), ct).ConfigureAwait(false);
        var link = new Uri(appRoot, "signin/" + token);
        await email.SendAsync(SignInEmail.Create(address.Trim(), link, content.ProductName, options.Value.SignInLinkLifetime), ct).ConfigureAwait(false);
        logger.LogInformation("Sent a sign-in link to user {UserId}", userId ?? "(new)");
    }

    /// <summary>Takes a sign-in link (once) and opens a session; null when the link is forged, used, expired or its user is gone.</summary>
    public async Task<(string CookieValue, WebSession Session)?> SignInAsync(string token, CancellationToken ct)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > 200 || dot <= 0 || !FixedTimeEquals(token[(dot + 1)..], Tag(token[..dot])))
        {
            return null;
        }

        var link = await store.TakeLinkAsync(WebAuthStore.Hash(token), ct).ConfigureAwait(false);
        if (link is null || link.ExpiresAt < clock.GetCurrentInstant())
        {
            return null;
        }

        var userId = link.UserId ?? await FindUserIdAsync(link.Email, ct).ConfigureAwait(false) ?? await SignUpAsync(link, ct).ConfigureAwait(false);
        if (userId is null || await UserAsync(userId, ct).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await OpenSessionAsync(userId, ct).ConfigureAwait(false);
    }

    /// <summary>The live session behind a cookie value, else null.</summary>
    public async Task<WebSession?> FindSessionAsync(string? cookieValue, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(cookieValue) || cookieValue.Length > 100)
        {
            return null;
        }

        var session = await store.FindSessionAsync(WebAuthStore.Hash(cookieValue), ct).ConfigureAwait(false);
        if (session is null || session.ExpiresAt < clock.GetCurrentInstant())
        {
            return null;
        }

        return session.Generation == await store.GenerationAsync(session.UserId, ct).ConfigureAwait(false) ? session : null;
    }

    public Task SignOutAsync(string cookieValue, CancellationToken ct) => store.DeleteSessionAsync(WebAuthStore.Hash(cookieValue), ct);

    public Task SignOutEverywhereAsync(string userId, CancellationToken ct) => store.BumpGenerationAsync(userId, ct);

    private async Task<(string, WebSession)> OpenSessionAsync(string userId, CancellationToken ct)
    {
        var cookie = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new WebSession(
            userId,
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)),
            await store.GenerationAsync(userId, ct).ConfigureAwait(false),
            clock.GetCurrentInstant() + Duration.FromTimeSpan(options.Value.SessionLifetime));
        await store.AddSessionAsync(WebAuthStore.Hash(cookie), session, ct).ConfigureAwait(false);
        logger.LogInformation("User {UserId} signed in to the web app", userId);
        return (cookie, session);
    }

    private async Task<string?> SignUpAsync(SignInLinkRecord link, CancellationToken ct)
    {
        if (!options.Value.SelfSignUp)
        {
            return null;
        }

        // The country (whose public holidays are skipped) is guessed from the browser's zone; the
        // settings page asks the user to check it. GB when the zone names no one country.
        var zone = link.TimeZone ?? "Etc/UTC";
        var country = BusinessCalendar.CountryOfZone(zone) ?? "GB";
        var created = await users.CreateAsync(link.Email, UserSettings.CreateDefault(zone, country), null, ct).ConfigureAwait(false);
        await store.IndexEmailAsync(link.Email, created.UserId, ct).ConfigureAwait(false);
        logger.LogInformation("User {UserId} signed up through the web app", created.UserId);
        return created.UserId;
    }

    /// <summary>
    /// The user whose current address is <paramref name="address"/>. The index is a cache checked
    /// against the user row; on a miss (a user made by the admin API, or an address changed) the
    /// user rows are scanned once and the index repaired. Sign-in requests are rare, so the scan is
    /// bounded by their rate, not by traffic.
    /// </summary>
    private async Task<string?> FindUserIdAsync(string address, CancellationToken ct)
    {
        var indexed = await store.FindUserIdByEmailAsync(address, ct).ConfigureAwait(false);
        if (indexed is not null && await UserAsync(indexed, ct).ConfigureAwait(false) is { } user && SameAddress(user.Email, address))
        {
            return indexed;
        }

        await clients.EnsureCreatedAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {StorageKeys.UserRow}");
        await foreach (var e in clients.Data.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "Email"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (SameAddress(e.GetString("Email"), address))
            {
                await store.IndexEmailAsync(address, e.PartitionKey, ct).ConfigureAwait(false);
                return e.PartitionKey;
            }
        }

        return null;
    }

    private Task<User?> UserAsync(string userId, CancellationToken ct) => users.FindAsync(userId, ct);

    private static bool SameAddress(string? a, string b) => a is not null && a.Trim().Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);

    private string Tag(string secret)
    {
        var key = SHA256.HashData([.. content.ActionSigningKey, .. Encoding.UTF8.GetBytes(LinkTagPurpose)]);
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(secret)).AsSpan(0, 16));
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
