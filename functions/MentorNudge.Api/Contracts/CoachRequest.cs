namespace MentorNudge.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/coach</c>.</summary>
public sealed record CoachRequest(string? Text, string? PersonId);
