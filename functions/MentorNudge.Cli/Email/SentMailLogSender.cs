using MentorNudge.Infrastructure.Email;
using MentorNudge.Core.Content;
using NodaTime;

namespace MentorNudge.Cli.Email;

/// <summary>Wraps the configured sender and notes each send in the <see cref="SentMailLog"/>.</summary>
public sealed class SentMailLogSender(IEmailSender inner, SentMailLog log, IClock clock) : IEmailSender
{
    public const string NudgeIdHeader = "X-MentorNudge-Nudge-Id";
    public const string KindHeader = "X-MentorNudge-Kind";

    public string Name => inner.Name;

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
        message.Headers.TryGetValue(NudgeIdHeader, out var nudgeId);
        message.Headers.TryGetValue(KindHeader, out var kind);
        log.Add(new SentMail(nudgeId, kind, message.To, message.Subject, clock.GetCurrentInstant(), inner.Name, result.Outcome.ToString()));
        return result;
    }
}
