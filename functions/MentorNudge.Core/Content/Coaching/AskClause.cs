namespace MentorNudge.Core.Content.Coaching;

/// <summary>A sentence or a part of one (split at ";" and ":") with its place in the original text.</summary>
/// <param name="Start">Offset in the original text.</param>
/// <param name="Text">The clause, normalised (typographic quotes made ASCII).</param>
/// <param name="IsRequest">True when the clause asks something of the reader.</param>
internal sealed record AskClause(int Start, string Text, bool IsRequest)
{
    public int Length => Text.Length;
}
