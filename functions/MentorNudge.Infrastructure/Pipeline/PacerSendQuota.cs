using MentorNudge.Infrastructure.Email.Pacing;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>The send quota backed by the shared Table-based email pacer: a denied slot becomes a visibility delay.</summary>
public sealed class PacerSendQuota(IEmailPacer pacer, IClock clock) : ISendQuota
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    public async ValueTask<TimeSpan?> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var decision = await pacer.TryAcquireAsync(now, cancellationToken).ConfigureAwait(false);
        if (decision.Granted)
        {
            return null;
        }

        var wait = decision.NextSlotAt is { } next ? (next - now).ToTimeSpan() : TimeSpan.FromMinutes(1);
        return wait < MinimumWait ? MinimumWait : wait;
    }
}
