namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// Asked before every email send: null to go ahead, or how long to wait (the message is put back
/// on the queue with that visibility delay). The seam for the Table-based quota limiter.
/// </summary>
public interface ISendQuota
{
    ValueTask<TimeSpan?> TryAcquireAsync(CancellationToken cancellationToken = default);
}
