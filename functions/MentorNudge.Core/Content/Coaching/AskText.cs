using System.Text;

namespace MentorNudge.Core.Content.Coaching;

/// <summary>
/// An ask split into clauses with their offsets, the request clauses marked. The coach judges an
/// ask by its request clauses: what they ask for, how big it is, and for when.
/// </summary>
internal sealed class AskText
{
    private AskText(string normalized, IReadOnlyList<AskClause> clauses)
    {
        Normalized = normalized;
        Clauses = clauses;
        Requests = clauses.Where(c => c.IsRequest).ToList();
    }

    /// <summary>The text with typographic quotes made ASCII; same length and offsets as the original.</summary>
    public string Normalized { get; }

    public IReadOnlyList<AskClause> Clauses { get; }

    public IReadOnlyList<AskClause> Requests { get; }

    public bool IsEmpty => Normalized.Trim().Length == 0;

    public bool IsAsk => Requests.Count > 0;

    public int WordCount => CountWords(Normalized);

    public static AskText Parse(string? text)
    {
        var normalized = Normalize(text ?? string.Empty);
        var clauses = new List<AskClause>();
        var start = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i < normalized.Length && !EndsClause(normalized, i))
            {
                continue;
            }

            var end = Math.Min(i + 1, normalized.Length);
            AddClause(normalized, start, end, clauses);
            start = end;
        }

        return new AskText(normalized, clauses);
    }

    public static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The span covering all request clauses, or the whole text when nothing is asked.</summary>
    public (int Start, int Length) RequestSpan()
    {
        if (Requests.Count == 0)
        {
            return (0, Normalized.Length);
        }

        var first = Requests[0];
        var last = Requests[^1];
        return (first.Start, last.Start + last.Length - first.Start);
    }

    private static void AddClause(string text, int start, int end, List<AskClause> clauses)
    {
        var raw = text[start..end];
        var trimmedStart = raw.Length - raw.TrimStart().Length;
        var clause = raw.Trim();
        if (clause.Length == 0)
        {
            return;
        }

        var previous = clauses.Count > 0 ? clauses[^1].Text : string.Empty;
        clauses.Add(new AskClause(start + trimmedStart, clause, AskPatterns.IsRequest(clause, previous)));
    }

    // A clause ends at ".", "!", "?", ";", ":" followed by a space (not after "Dr.", "e.g." …) or at a line break.
    private static bool EndsClause(string text, int i)
    {
        var c = text[i];
        if (c == '\n')
        {
            return true;
        }

        if (c is not ('.' or '!' or '?' or ';' or ':'))
        {
            return false;
        }

        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        if (!char.IsWhiteSpace(next) && next is not ('"' or '\'' or ')'))
        {
            return false;
        }

        return c != '.' || !AskPatterns.EndsWithAbbreviation(text[..(i + 1)]);
    }

    private static string Normalize(string text)
    {
        // Only one-for-one replacements, so offsets stay those of the original text.
        var builder = new StringBuilder(text);
        builder.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');
        return builder.ToString();
    }
}
