namespace MentorNudge.Core.Content;

/// <summary>A rendered email, ready for any sender (ACS, SMTP, outbox).</summary>
/// <param name="To">Recipient address.</param>
/// <param name="ToName">Recipient display name, if known.</param>
/// <param name="Subject">Subject line (never contains CR or LF).</param>
/// <param name="Html">HTML body; all user text escaped.</param>
/// <param name="Text">Plain-text body.</param>
/// <param name="Headers">Extra headers: <c>X-MentorNudge-Nudge-Id</c>, <c>X-MentorNudge-Kind</c>, <c>List-Unsubscribe</c>, …</param>
/// <param name="MessageKey">Stable key for idempotency (the nudge id, or a notice id): a sender derives Operation-Id and Message-ID from it.</param>
public sealed record EmailMessage(
    string To,
    string? ToName,
    string Subject,
    string Html,
    string Text,
    IReadOnlyDictionary<string, string> Headers,
    string MessageKey);
