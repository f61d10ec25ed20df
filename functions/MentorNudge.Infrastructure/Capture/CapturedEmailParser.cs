using System.Security.Cryptography;
using MentorNudge.Core.Inbound;
using MimeKit;
using NodaTime;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>
/// Reads a raw RFC 822 message with MimeKit (RFC 2047 names, quoted-printable and base64 bodies,
/// multipart/alternative and mixed) into a <see cref="CapturedEmail"/>.
/// </summary>
public static class CapturedEmailParser
{
    private static readonly string[] EnvelopeHeaders = ["X-Original-To", "Delivered-To", "Envelope-To", "X-Envelope-To", "X-Forwarded-To"];

    /// <exception cref="FormatException">Not a message, or it has no From address.</exception>
    public static CapturedEmail Parse(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(ParserOptions.Default, stream);
        }
        catch (FormatException ex)
        {
            throw new FormatException("The body is not an RFC 822 message.", ex);
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.Address;
        if (string.IsNullOrWhiteSpace(from) || !from.Contains('@', StringComparison.Ordinal))
        {
            throw new FormatException("The message has no From address.");
        }

        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .Where(m => m.Address.Contains('@', StringComparison.Ordinal))
            .DistinctBy(m => m.Address, StringComparer.OrdinalIgnoreCase)
            .Select(m => (m.Address.Trim(), string.IsNullOrWhiteSpace(m.Name) ? null : m.Name.Trim()))
            .ToList();

        var delivered = new List<string>();
        foreach (var name in EnvelopeHeaders)
        {
            foreach (var header in message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                if (InternetAddressList.TryParse(header.Value, out var list))
                {
                    delivered.AddRange(list.Mailboxes.Select(m => m.Address));
                }
            }
        }

        delivered.AddRange(message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address));

        var messageId = string.IsNullOrWhiteSpace(message.MessageId)
            ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw))
            : message.MessageId.Trim();
        var sentAt = message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue
            ? Instant.FromDateTimeOffset(message.Date)
            : (Instant?)null;
        var body = message.TextBody is { } plain ? plain : HtmlText.ToPlainText(message.HtmlBody);
        return new CapturedEmail(
            messageId,
            from.Trim(),
            recipients,
            delivered.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            string.IsNullOrWhiteSpace(message.Subject) ? null : message.Subject.Trim(),
            sentAt,
            QuotedHistory.Strip(body),
            DmarcFailed(message));
    }

    // Only the receiving side's verdict counts; the relay adds it on top, so the first header is its own.
    private static bool DmarcFailed(MimeMessage message)
    {
        var results = message.Headers.FirstOrDefault(h => h.Field.Equals("Authentication-Results", StringComparison.OrdinalIgnoreCase))?.Value;
        return results is not null && results.Contains("dmarc=fail", StringComparison.OrdinalIgnoreCase);
    }
}
