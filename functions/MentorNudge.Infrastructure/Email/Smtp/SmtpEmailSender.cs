using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MentorNudge.Infrastructure.Email.Mime;
using MentorNudge.Core.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace MentorNudge.Infrastructure.Email.Smtp;

/// <summary>
/// Sends over SMTP with MailKit (any relay, including the ACS SMTP relay). 4xx replies and
/// connection failures are transient, 5xx replies permanent, but only until the relay accepted
/// DATA: from then on the email counts as sent whatever fails (QUIT, the connection).
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpEmailOptions> options, IClock clock, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly SmtpEmailOptions _options = options.Value;

    public string Name => "smtp";

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = new MailboxAddress(_options.SenderName, _options.SenderAddress ?? "");
        using var mime = EmailMimeBuilder.Build(message, from, clock.GetCurrentInstant().ToDateTimeOffset());
        var messageId = mime.MessageId;

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host ?? "", _options.Port, ToMailKit(_options.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            // Once the relay accepted DATA the email is on its way: nothing after this point (QUIT
            // failing, the connection dropping, the caller giving up) may turn it into a failure that
            // is retried, or the recipient gets it twice.
            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("SMTP accepted email {MessageId}", messageId);
            await QuitQuietlyAsync(client, messageId ?? "").ConfigureAwait(false);
            return EmailSendResult.Sent(messageId);
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            if (code is >= 400 and < 500)
            {
                logger.LogWarning("SMTP deferred email {MessageId} with {SmtpStatus} ({SmtpError})", messageId, code, ex.ErrorCode);
                return EmailSendResult.Transient($"SMTP {code} {ex.ErrorCode}");
            }

            logger.LogError("SMTP rejected email {MessageId} with {SmtpStatus} ({SmtpError})", messageId, code, ex.ErrorCode);
            return EmailSendResult.Permanent($"SMTP {code} {ex.ErrorCode}");
        }
        catch (AuthenticationException)
        {
            // Wrong credentials will not fix themselves; the nudge is kept for an operator to replay.
            logger.LogError("SMTP authentication failed for email {MessageId}", messageId);
            return EmailSendResult.Permanent("SMTP authentication failed");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SocketException or IOException or SslHandshakeException or ServiceNotConnectedException or TimeoutException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("SMTP connection failed for email {MessageId}: {Error}", messageId, ex.GetType().Name);
            return EmailSendResult.Transient("SMTP connection: " + ex.GetType().Name);
        }
    }

    private async Task QuitQuietlyAsync(SmtpClient client, string messageId)
    {
        try
        {
            using var quitTimeout = new CancellationTokenSource(_options.Timeout);
            await client.DisconnectAsync(quit: true, quitTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogWarning("SMTP QUIT failed after email {MessageId} was accepted: {Error}; it counts as sent", messageId, ex.GetType().Name);
        }
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurityMode mode) => mode switch
    {
        SmtpSecurityMode.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurityMode.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurityMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
