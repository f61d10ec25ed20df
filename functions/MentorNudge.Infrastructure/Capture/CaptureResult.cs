using MentorNudge.Core.Capture;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>What the capture hook did with one message.</summary>
/// <param name="Action"><c>logged</c>, <c>ignored</c>, <c>duplicate</c>, or <c>pending</c> (the same message is being applied right now).</param>
/// <param name="Reason">Why it was ignored: <c>no-capture-address</c>, <c>foreign-sender</c>, <c>sender-not-authenticated</c>; null otherwise.</param>
/// <param name="CaptureId">The capture's id (logged or duplicate).</param>
/// <param name="Logged">The outreach logged.</param>
/// <param name="Skipped">Recipients for whom nothing was logged.</param>
public sealed record CaptureResult(string Action, string? Reason, string? CaptureId, IReadOnlyList<CapturedOutreach> Logged, IReadOnlyList<SkippedRecipient> Skipped)
{
    public static CaptureResult Ignored(string reason) => new("ignored", reason, null, [], []);
}
