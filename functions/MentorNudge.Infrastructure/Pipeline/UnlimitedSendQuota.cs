namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>No quota: every send may go ahead (local runs, and until a limiter is configured).</summary>
public sealed class UnlimitedSendQuota : ISendQuota
{
    public ValueTask<TimeSpan?> TryAcquireAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<TimeSpan?>(null);
}
