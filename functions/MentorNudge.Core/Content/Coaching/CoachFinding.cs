namespace MentorNudge.Core.Content.Coaching;

/// <summary>One problem the coach found in an ask, and the span of the ask that triggered it.</summary>
/// <param name="Code">One of <see cref="CoachCodes"/>.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Suggestion">What to do instead.</param>
/// <param name="Start">Offset of the span in the text as given (UTF-16 code units, as JavaScript counts).</param>
/// <param name="Length">Length of the span; for a missing element (no time bound, nothing personal) the span is the request or the whole text.</param>
public sealed record CoachFinding(string Code, string Message, string Suggestion, int Start, int Length);
