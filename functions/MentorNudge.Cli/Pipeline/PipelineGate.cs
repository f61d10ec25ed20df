namespace MentorNudge.Cli.Pipeline;

/// <summary>
/// One lock around queue work. The virtual clock holds it while it steps through time, so a
/// background worker never handles a message halfway through an advance and the answer of
/// <c>POST /api/v1/admin/clock</c> reflects everything that was sent.
/// </summary>
public sealed class PipelineGate : IDisposable
{
    /// <summary>The semaphore (one holder at a time).</summary>
    public SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}
