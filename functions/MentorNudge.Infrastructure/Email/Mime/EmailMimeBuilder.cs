using MentorNudge.Core.Content;
using MimeKit;

namespace MentorNudge.Infrastructure.Email.Mime;

/// <summary>Builds the MIME form of an <see cref="EmailMessage"/> shared by the SMTP and outbox senders.</summary>
public static class EmailMimeBuilder
{
    /// <summary>
    /// multipart/alternative (text first, then HTML, as RFC 2046 orders by preference), our
    /// headers, and a Message-ID derived from the message key.
    /// </summary>
    public static MimeMessage Build(EmailMessage message, MailboxAddress from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);

        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        mime.Subject = message.Subject;
        mime.Date = date;
        mime.MessageId = EmailMessageKeys.MessageId(message.MessageKey);
        foreach (var (name, value) in message.Headers)
        {
            // Structural headers are ours to set; a caller's copy would duplicate them.
            if (IsReserved(name))
            {
                continue;
            }

            mime.Headers.Replace(name, value);
        }

        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static bool IsReserved(string name) =>
        name.Equals("From", StringComparison.OrdinalIgnoreCase)
        || name.Equals("To", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Subject", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Date", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);
}
