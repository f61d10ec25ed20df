using MentorNudge.Core.Content;

namespace MentorNudge.Infrastructure.Email;

/// <summary>Sends one rendered email through a channel (ACS, SMTP, outbox).</summary>
public interface IEmailSender
{
    /// <summary>A short name for logs and the nudge record: <c>acs</c>, <c>smtp</c>, <c>outbox</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Sends <paramref name="message"/>. Implementations derive any idempotency key (Operation-Id,
    /// Message-ID, file name) from <see cref="EmailMessage.MessageKey"/>, so a retry of the same
    /// message never produces a second email on services that honour it.
    /// </summary>
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
