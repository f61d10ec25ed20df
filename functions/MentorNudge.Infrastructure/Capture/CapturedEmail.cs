using NodaTime;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>What capture needs of one raw email, parsed by <see cref="CapturedEmailParser"/>.</summary>
/// <param name="MessageId">The Message-ID (or a hash of the raw message when it has none): the dedupe key.</param>
/// <param name="From">The sender's address.</param>
/// <param name="Recipients">To and Cc recipients: (address, display name), in order, each address once.</param>
/// <param name="DeliveredTo">Every address the message was delivered to or named: envelope headers (<c>X-Original-To</c>, <c>Delivered-To</c>, <c>Envelope-To</c>, <c>X-Envelope-To</c>, <c>X-Forwarded-To</c>), To, Cc and Bcc.</param>
/// <param name="Subject">Decoded subject.</param>
/// <param name="SentAt">The Date header, null when missing or unreadable.</param>
/// <param name="Text">What the user wrote: text part preferred, else the HTML part as text, quoted history and signature stripped.</param>
/// <param name="SenderAuthenticationFailed">True when an <c>Authentication-Results</c> header of the receiving side says DMARC failed.</param>
public sealed record CapturedEmail(
    string MessageId,
    string From,
    IReadOnlyList<(string Address, string? Name)> Recipients,
    IReadOnlyList<string> DeliveredTo,
    string? Subject,
    Instant? SentAt,
    string Text,
    bool SenderAuthenticationFailed);
