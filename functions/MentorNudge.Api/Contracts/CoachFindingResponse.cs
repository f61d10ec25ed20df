namespace MentorNudge.Api.Contracts;

/// <summary>One coach finding (<c>code</c> such as <c>vague-ask</c>).</summary>
public sealed record CoachFindingResponse(string Code, string Message, string? Suggestion);
