namespace MentorNudge.Api.Contracts;

/// <summary>Coach feedback: score 0–100, findings, and a suggested rewrite.</summary>
public sealed record CoachResponse(int Score, IReadOnlyList<CoachFindingResponse> Findings, string? Rewrite);
