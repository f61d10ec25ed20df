using System.Text.RegularExpressions;

namespace MentorNudge.Core.Content.Coaching;

/// <summary>
/// A request to do one thing to a named object, whatever the verb: "could you proofread the
/// abstract", "may I quote your post", "I need your signature on the expense form". A role counts
/// when it is anchored to a named occasion or purpose ("be a judge at our hackathon", "be my
/// accountability buddy … while I study for the CFA"), not when it is open ("be my sounding board
/// for the next year"). Help, advice and meetings stay open whatever their object.
/// </summary>
internal static class NamedAction
{
    private const int MaxWordsBeforeObject = 6;
    private const int MaxObjectWords = 4;

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "my", "our", "your", "his", "her", "their", "this", "these", "those", "a", "an", "one", "two", "three", "four", "five", "six",
    };

    private static readonly HashSet<string> EndsObject = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "for", "on", "at", "to", "about", "from", "in", "with", "by", "before", "after", "during", "that", "which", "who",
        "whom", "i", "we", "you", "and", "or", "so", "if", "when", "while", "as", "into", "over", "is", "are", "was", "still", "some", "any",
    };

    private static readonly HashSet<string> Anchors = new(StringComparer.OrdinalIgnoreCase) { "at", "for", "on", "in", "during", "of" };

    public static bool IsAskedFor(string clause)
    {
        foreach (Match head in AskPatterns.ActionHead().Matches(clause))
        {
            var rest = clause[(head.Index + head.Length)..];
            if (AskPatterns.VagueAction().IsMatch(rest))
            {
                continue;
            }

            var words = WordsOf(rest);
            if (words.Count > 0 && words[0].Equals("be", StringComparison.OrdinalIgnoreCase))
            {
                if (IsAnchoredRole(words))
                {
                    return true;
                }

                continue;
            }

            if (FirstObject(words, 0) is { } found && !AskPatterns.VagueObject().IsMatch(found.Head))
            {
                return true;
            }
        }

        return false;
    }

    // "be a judge at our student hackathon", "be my accountability buddy for three months while I study for the CFA".
    private static bool IsAnchoredRole(List<string> words)
    {
        if (FirstObject(words, 1) is not { } role || AskPatterns.VagueObject().IsMatch(role.Head))
        {
            return false;
        }

        for (var i = role.End; i < words.Count; i++)
        {
            if (words[i].Equals("while", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Count && words[i + 1].Equals("i", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (Anchors.Contains(words[i]) && FirstObject(words, i + 1) is { } occasion && occasion.Start == i + 2
                && !AskPatterns.VagueObject().IsMatch(occasion.Head))
            {
                return true;
            }
        }

        return false;
    }

    // The first noun phrase opened by a determiner within a few words of `from`, skipping durations.
    private static (int Start, int End, string Head)? FirstObject(List<string> words, int from)
    {
        var limit = Math.Min(words.Count, from + MaxWordsBeforeObject + 1);
        for (var i = from; i < limit; i++)
        {
            if (!Determiners.Contains(words[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < words.Count && end - i <= MaxObjectWords && !EndsObject.Contains(words[end]))
            {
                end++;
            }

            if (end == i + 1)
            {
                continue;
            }

            var head = words[end - 1];
            if (AskPatterns.Duration().IsMatch(head))
            {
                limit = Math.Min(words.Count, end + MaxWordsBeforeObject + 1);
                i = end - 1;
                continue;
            }

            return (i + 1, end, head);
        }

        return null;
    }

    // Words up to the end of the clause's first phrase, possessive "'s" dropped: "your team's sprint review" → your, team, sprint, review.
    private static List<string> WordsOf(string rest)
    {
        var stop = rest.IndexOfAny(['?', '.', '!', ',', ';', ':', '(']);
        var phrase = stop >= 0 ? rest[..stop] : rest;
        return phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) ? w[..^2] : w)
            .ToList();
    }
}
