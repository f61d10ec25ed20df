using MentorNudge.Core.Content.Coaching;

namespace MentorNudge.Api.Contracts;

/// <summary>Coach feedback: score 0–100, findings, and a suggested rewrite.</summary>
public sealed record CoachResponse(int Score, IReadOnlyList<CoachFindingResponse> Findings, string? Rewrite)
{
    public static CoachResponse From(CoachFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return new(feedback.Score, feedback.Findings.Select(f => new CoachFindingResponse(f.Code, f.Message, f.Suggestion)).ToList(), feedback.Rewrite);
    }
}
