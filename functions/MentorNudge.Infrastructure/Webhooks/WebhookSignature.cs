using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// The <c>MentorNudge-Signature</c> header, both directions: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;raw body&gt;"&gt;</c>
/// with the user's webhook secret. Receivers accept a signature within five minutes of their clock,
/// compared in constant time. Several <c>v1</c> entries are allowed so that a secret can be rotated.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string HeaderName = "MentorNudge-Signature";

    /// <summary>How far the signed timestamp may be from the receiver's clock, either way.</summary>
    public static Duration Tolerance { get; } = Duration.FromMinutes(5);

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="at"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret, Instant at)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var t = at.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={t},v1={Convert.ToHexStringLower(Mac(body, secret, t))}");
    }

    /// <summary>Checks <paramref name="header"/> against <paramref name="body"/> and the receiver's <paramref name="now"/>.</summary>
    public static WebhookSignatureResult Verify(string? header, ReadOnlySpan<byte> body, string secret, Instant now)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookSignatureResult.Missing;
        }

        if (string.IsNullOrEmpty(secret))
        {
            return WebhookSignatureResult.BadSignature;
        }

        long? t = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return WebhookSignatureResult.Malformed;
            }

            var key = part[..eq];
            var value = part[(eq + 1)..];
            if (key == "t")
            {
                if (t is not null || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return WebhookSignatureResult.Malformed;
                }

                t = parsed;
            }
            else if (key == "v1")
            {
                if (value.Length != 64 || !IsHex(value))
                {
                    return WebhookSignatureResult.Malformed;
                }

                signatures.Add(Convert.FromHexString(value));
            }
        }

        if (t is null || signatures.Count == 0)
        {
            return WebhookSignatureResult.Malformed;
        }

        // Out of range of Instant counts as stale rather than throwing.
        if (t.Value < -62135596800L || t.Value > 253402300799L)
        {
            return WebhookSignatureResult.Stale;
        }

        var expected = Mac(body, secret, t.Value);
        var ok = false;
        foreach (var candidate in signatures)
        {
            // No early exit: every candidate is compared, each in constant time.
            ok |= CryptographicOperations.FixedTimeEquals(candidate, expected);
        }

        if (!ok)
        {
            return WebhookSignatureResult.BadSignature;
        }

        var skew = now - Instant.FromUnixTimeSeconds(t.Value);
        return Duration.Max(skew, -skew) > Tolerance ? WebhookSignatureResult.Stale : WebhookSignatureResult.Valid;
    }

    private static byte[] Mac(ReadOnlySpan<byte> body, string secret, long t)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{t}."));
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);
    }

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}
