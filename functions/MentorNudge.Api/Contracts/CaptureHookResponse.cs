namespace MentorNudge.Api.Contracts;

/// <summary>Answer of <c>POST /api/v1/hooks/capture</c>: what was done with the message.</summary>
/// <param name="Action"><c>logged</c>, <c>ignored</c> or <c>duplicate</c>.</param>
/// <param name="Reason">Why it was ignored: <c>no-capture-address</c>, <c>foreign-sender</c>, <c>sender-not-authenticated</c>.</param>
/// <param name="CaptureId">Id of the capture (logged or duplicate).</param>
/// <param name="Logged">One entry per outreach logged.</param>
/// <param name="Skipped">Recipients for whom nothing was logged, with a reason code.</param>
public sealed record CaptureHookResponse(
    string Action,
    string? Reason,
    string? CaptureId,
    IReadOnlyList<CapturedOutreachResponse> Logged,
    IReadOnlyList<SkippedRecipientResponse> Skipped);
