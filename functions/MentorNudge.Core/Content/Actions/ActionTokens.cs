using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace MentorNudge.Core.Content.Actions;

/// <summary>
/// Opaque, expiring, URL-safe tokens for the one-click links in emails: <c>{keyId}.{sealed}</c>, where
/// <c>sealed</c> is (user, nudge, action, expiry) under AES-256-GCM with a key derived for one purpose.
/// Nothing inside is readable without the key (no user id leaks from a forwarded email), any change
/// fails authentication, and a token of another purpose or key never verifies. The key id names the
/// key that sealed it, so after a rotation tokens sealed with the previous key (still configured)
/// keep working until they expire. The token is a capability, never stored anywhere, never logged.
/// </summary>
public sealed class ActionTokens
{
    /// <summary>The purpose of links in nudge emails.</summary>
    public const string EmailActionPurpose = "mentornudge/email-action/v1";

    /// <summary>How long a link stays valid unless told otherwise.</summary>
    public static Duration DefaultLifetime { get; } = Duration.FromDays(30);

    // Longer input is refused before any decoding work.
    private const int MaxTokenLength = 2048;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const char Separator = '\u001f';

    private readonly SealingKey _current;
    private readonly SealingKey? _previous;
    private readonly byte[] _purpose;

    /// <summary>Creates a token service.</summary>
    /// <param name="signingKey">Secret key material, at least 32 bytes.</param>
    /// <param name="purpose">What the tokens are for; tokens of one purpose never verify under another.</param>
    public ActionTokens(ReadOnlySpan<byte> signingKey, string purpose = EmailActionPurpose)
        : this(signingKey.ToArray(), null, purpose)
    {
    }

    /// <summary>Creates a token service that seals with <paramref name="signingKey"/> and still opens tokens of <paramref name="previousSigningKey"/>.</summary>
    /// <param name="signingKey">Current secret key material, at least 32 bytes.</param>
    /// <param name="previousSigningKey">The key before the last rotation (at least 32 bytes), or null.</param>
    /// <param name="purpose">What the tokens are for.</param>
    public ActionTokens(byte[] signingKey, byte[]? previousSigningKey, string purpose = EmailActionPurpose)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        _purpose = Encoding.UTF8.GetBytes(purpose);
        _current = SealingKey.Derive(signingKey, purpose);
        _previous = previousSigningKey is null ? null : SealingKey.Derive(previousSigningKey, purpose);
    }

    /// <summary>The id of the current key (first part of every token it mints); not secret.</summary>
    public string KeyId => _current.Id;

    /// <summary>Mints a token for <paramref name="action"/> on a user's nudge, valid until <paramref name="expiresAt"/>.</summary>
    public string Create(string userId, string nudgeId, ActionKind action, Instant expiresAt)
    {
        RequireField(userId, nameof(userId));
        RequireField(nudgeId, nameof(nudgeId));
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action));
        }

        var plain = Encoding.UTF8.GetBytes(string.Join(
            Separator,
            userId,
            nudgeId,
            ActionName(action),
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_current.Key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), _purpose);
        return _current.Id + "." + Base64Url.Encode(sealedBytes);
    }

    /// <summary>Opens a token (authenticated decryption) and checks its expiry at <paramref name="now"/>.</summary>
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

        var keyId = token.AsSpan(0, dot);
        var body = token.AsSpan(dot + 1);
        if (Base64Url.Decode(keyId) is null || !IsBase64UrlText(body))
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Malformed);
        }

        // An unknown key id, a non-canonical body or a failed authentication all mean: not ours.
        var key = keyId.SequenceEqual(_current.Id) ? _current : _previous is { } p && keyId.SequenceEqual(p.Id) ? p : null;
        var sealedBytes = Base64Url.Decode(body);
        if (key is null || sealedBytes is null || sealedBytes.Length <= NonceSize + TagSize)
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Tampered);
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key.Key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, _purpose);
        }
        catch (AuthenticationTagMismatchException)
        {
            return ActionTokenResult.Fail(ActionTokenFailure.Tampered);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(plain);
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

    /// <summary>The wire name of an action: <c>replied</c>, <c>snooze</c>, <c>stop</c>, <c>unsubscribe</c>, <c>undo</c>.</summary>
    public static string ActionName(ActionKind action) => action switch
    {
        ActionKind.Replied => "replied",
        ActionKind.Snooze => "snooze",
        ActionKind.Stop => "stop",
        ActionKind.Unsubscribe => "unsubscribe",
        ActionKind.Undo => "undo",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static ActionKind? ParseAction(string name) => name switch
    {
        "replied" => ActionKind.Replied,
        "snooze" => ActionKind.Snooze,
        "stop" => ActionKind.Stop,
        "unsubscribe" => ActionKind.Unsubscribe,
        "undo" => ActionKind.Undo,
        _ => null,
    };

    private static bool IsBase64UrlText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireField(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException("Ids must not contain control characters.", name);
        }
    }

    /// <summary>An encryption key derived for one purpose, and its public id (a different derivation, so the id reveals nothing of the key).</summary>
    private sealed record SealingKey(byte[] Key, string Id)
    {
        public static SealingKey Derive(byte[] material, string purpose)
        {
            if (material.Length < 32)
            {
                throw new ArgumentException("The action signing key must be at least 32 bytes.", nameof(material));
            }

            var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose + "/seal"));
            var id = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 6, salt: [], info: Encoding.UTF8.GetBytes(purpose + "/key-id"));
            return new SealingKey(key, Base64Url.Encode(id));
        }
    }
}
