using System.Security.Cryptography;
using System.Text;

namespace MentorNudge.Infrastructure.Email;

/// <summary>
/// Derives every provider-side idempotency key from <see cref="MentorNudge.Core.Content.EmailMessage.MessageKey"/>,
/// so that a retried send reuses the same Operation-Id, Message-ID and file name.
/// </summary>
public static class EmailMessageKeys
{
    /// <summary>Lower-case hex SHA-256 of the key, truncated to <paramref name="length"/> characters (no user text survives).</summary>
    public static string Hash(string messageKey, int length = 32)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(messageKey));
        return Convert.ToHexStringLower(digest)[..length];
    }

    /// <summary>
    /// A deterministic GUID for the key: the first 16 bytes of SHA-256 over a namespaced key, with
    /// the RFC 9562 version 8 (custom) and variant bits set, so the value is a well-formed UUID.
    /// </summary>
    public static Guid OperationId(string messageKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("mentornudge-operation:" + messageKey));
        var bytes = digest.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The RFC 5322 Message-ID (without angle brackets) used by the SMTP and outbox senders.</summary>
    public static string MessageId(string messageKey) => Hash(messageKey) + "@mentornudge";
}
