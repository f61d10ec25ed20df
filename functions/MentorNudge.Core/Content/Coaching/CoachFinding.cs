namespace MentorNudge.Core.Content.Coaching;

/// <summary>One problem the coach found in an ask.</summary>
/// <param name="Code">One of <see cref="CoachCodes"/>.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Suggestion">What to do instead.</param>
public sealed record CoachFinding(string Code, string Message, string Suggestion);
