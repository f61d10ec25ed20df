using NodaTime;

namespace MentorNudge.Infrastructure.Email.Pacing;

/// <summary>Keeps sends under the email service's per-minute and per-hour quotas, across all instances.</summary>
public interface IEmailPacer
{
    /// <summary>Takes a send slot at <paramref name="now"/>, or says when the next one frees up.</summary>
    Task<EmailPacingDecision> TryAcquireAsync(Instant now, CancellationToken cancellationToken = default);
}
