using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace MentorNudge.Core.Content.Actions;

/// <summary>
/// Signed, expiring, URL-safe tokens for the one-click links in emails. A token carries
/// (user, nudge, action, expiry) in clear and an HMAC-SHA256 over them with a key derived for
/// one purpose, so a token minted for another purpose (or with another key) never verifies.
/// The token is a capability, never a secret stored anywhere; it is never logged.
/// </summary>
public sealed class ActionTokens
{
    /// <summary>The purpose of links in nudge emails.</summary>
    public const string EmailActionPurpose = "mentornudge/email-action/v1";

    /// <summary>How long a link stays valid unless told otherwise.</summary>
    public static Duration DefaultLifetime { get; } = Duration.FromDays(30);

    // Longer input is refused before any decoding work.
    private const int MaxTokenLength = 2048;
    private const char Separator = '\u001f';

    private readonly byte[] _key;

    /// <summary>Creates a token service.</summary>
    /// <param name="signingKey">Secret key material, at least 32 bytes.</param>
    /// <param name="purpose">What the tokens are for; tokens of one purpose never verify under another.</param>
    public ActionTokens(ReadOnlySpan<byte> signingKey, string purpose = EmailActionPurpose)
    {
        if (signingKey.Length < 32)
        {
            throw new ArgumentException("The action signing key must be at least 32 bytes.", nameof(signingKey));
        }

        ArgumentException.ThrowIfNullOrEmpty(purpose);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.ToArray(), 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
    }

    /// <summary>Mints a token for <paramref name="action"/> on a user's nudge, valid until <paramref name="expiresAt"/>.</summary>
    public string Create(string userId, string nudgeId, ActionKind action, Instant expiresAt)
    {
        RequireField(userId, nameof(userId));
        RequireField(nudgeId, nameof(nudgeId));
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action));
        }

        var payload = Encoding.UTF8.GetBytes(string.Join(
            Separator,
            userId,
            nudgeId,
            ActionName(action),
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return Base64Url.Encode(payload) + "." + Base64Url.Encode(Sign(payload));
    }

    /// <summary>Checks a token's signature (in constant time) and expiry at <paramref name="now"/>.</summary>
    public ActionTokenResult Verify(string? token, Instant now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Malformed);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != token.LastIndexOf('.') || dot == token.Length - 1)
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Malformed);
        }

        var payload = Base64Url.Decode(token.AsSpan(0, dot));
        var signature = Base64Url.Decode(token.AsSpan(dot + 1));
        if (payload is null || signature is null)
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Malformed);
        }

        // Authenticity first: nothing in an unsigned payload is trusted, not even its shape.
        if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature))
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Tampered);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Malformed);
        }

        var parts = text.Split(Separator);
        if (parts.Length != 4
            || ParseAction(parts[2]) is not { } action
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expirySeconds)
            || expirySeconds > Instant.MaxValue.ToUnixTimeSeconds())
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Malformed);
        }

        var expiresAt = Instant.FromUnixTimeSeconds(expirySeconds);
        if (now >= expiresAt)
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Expired);
        }

        return new ActionTokenResult(ActionTokenFailure.None, parts[0], parts[1], action, expiresAt);
    }

    /// <summary>The wire name of an action: <c>replied</c>, <c>snooze</c>, <c>stop</c>, <c>unsubscribe</c>.</summary>
    public static string ActionName(ActionKind action) => action switch
    {
        ActionKind.Replied => "replied",
        ActionKind.Snooze => "snooze",
        ActionKind.Stop => "stop",
        ActionKind.Unsubscribe => "unsubscribe",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static ActionKind? ParseAction(string name) => name switch
    {
        "replied" => ActionKind.Replied,
        "snooze" => ActionKind.Snooze,
        "stop" => ActionKind.Stop,
        "unsubscribe" => ActionKind.Unsubscribe,
        _ => null,
    };

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);

    private static void RequireField(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException("Ids must not contain control characters.", name);
        }
    }
}
