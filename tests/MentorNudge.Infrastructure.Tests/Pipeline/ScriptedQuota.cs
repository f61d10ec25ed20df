using MentorNudge.Infrastructure.Pipeline;

namespace MentorNudge.Infrastructure.Tests.Pipeline;

/// <summary>A quota that says "wait" for scripted sends.</summary>
public sealed class ScriptedQuota : ISendQuota
{
    public Queue<TimeSpan> Waits { get; } = new();

    public ValueTask<TimeSpan?> TryAcquireAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<TimeSpan?>(Waits.Count > 0 ? Waits.Dequeue() : null);
}
