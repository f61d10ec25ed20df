namespace MentorNudge.Core.Content.Coaching;

/// <summary>The coach's verdict on an ask. JSON: <c>{ score, findings: [{ code, message, suggestion }], rewrite }</c>.</summary>
/// <param name="Score">0 (send nothing like this) to 100 (a good ask).</param>
/// <param name="Findings">Problems found, in <see cref="CoachCodes.All"/> order.</param>
/// <param name="Rewrite">A short skeleton of a better ask, with placeholders in brackets.</param>
public sealed record CoachFeedback(int Score, IReadOnlyList<CoachFinding> Findings, string Rewrite);
