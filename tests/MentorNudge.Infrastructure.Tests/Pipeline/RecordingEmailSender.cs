using System.Collections.Concurrent;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Core.Content;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>
/// Records every send. Like ACS with its Operation-Id, it dedupes on the message key: a second
/// send of the same key is accepted but delivers nothing new (<see cref="Delivered"/>).
/// </summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _attempts = new();
    private readonly ConcurrentDictionary<string, EmailMessage> _delivered = new(StringComparer.Ordinal);

    public string Name => "test";

    /// <summary>Outcomes to return for the next sends (then Sent).</summary>
    public ConcurrentQueue<EmailSendResult> Script { get; } = new();

    /// <summary>Throw this many times before sending anything (a crash between claim and send).</summary>
    public int CrashesBeforeSend { get; set; }

    /// <summary>Called after a send is accepted (tests arm a crash here).</summary>
    public Action<EmailMessage>? AfterSend { get; set; }

    public IReadOnlyCollection<EmailMessage> Attempts => _attempts.ToArray();

    /// <summary>Distinct emails the recipient got (by message key).</summary>
    public IReadOnlyDictionary<string, EmailMessage> Delivered => _delivered;

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        // Yield so racing workers really overlap.
        await Task.Yield();
        if (CrashesBeforeSend > 0)
        {
            CrashesBeforeSend--;
            throw new Storage.InjectedCrashException("Injected crash before the email was sent");
        }

        _attempts.Enqueue(message);
        if (Script.TryDequeue(out var scripted) && scripted.Outcome != EmailSendOutcome.Sent)
        {
            return scripted;
        }

        _delivered.TryAdd(message.MessageKey, message);
        AfterSend?.Invoke(message);
        return EmailSendResult.Sent("op-" + message.MessageKey);
    }
}
