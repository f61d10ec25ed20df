namespace MentorNudge.Api.Contracts;

/// <summary>
/// One coach finding (<c>code</c> such as <c>vague-ask</c>) and the span of the text that triggered
/// it: <c>start</c> and <c>length</c> in UTF-16 code units of the submitted text (JavaScript string indices).
/// </summary>
public sealed record CoachFindingResponse(string Code, string Message, string? Suggestion, int Start, int Length);
