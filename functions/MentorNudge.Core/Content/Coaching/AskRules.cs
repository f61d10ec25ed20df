using System.Text.RegularExpressions;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Coaching;

/// <summary>
/// Judges an ask by its request clauses: what they ask for (a relationship, a chat, a concrete
/// question or artifact), how big it is, and whether it is open-ended. Returns each code with the
/// span that triggered it.
/// </summary>
internal static class AskRules
{
    public static IReadOnlyDictionary<string, (int Start, int Length)> Detect(AskText ask, Connection connection, bool hasPriorValue)
    {
        var found = new Dictionary<string, (int Start, int Length)>(StringComparer.Ordinal);
        var text = ask.Normalized;
        if (ask.IsEmpty)
        {
            found[CoachCodes.VagueAsk] = (0, text.Length);
            return found;
        }

        var requestSpan = ask.RequestSpan();
        var generic = FirstGeneric(ask);
        if (generic is { } g)
        {
            found[CoachCodes.GenericMentorAsk] = g;
        }

        if (FirstGuilt(ask) is { } guilt)
        {
            found[CoachCodes.GuiltTrip] = guilt;
        }

        if (ask.WordCount > AskCoach.MaxWords)
        {
            var start = StartOfWord(text, AskCoach.MaxWords);
            found[CoachCodes.TooLong] = (start, text.Length - start);
        }

        if (!AskPatterns.Personal().IsMatch(text))
        {
            found[CoachCodes.NotPersonalized] = (0, text.Length);
        }

        // A guilt trip presses for an answer even when no sentence asks anything outright.
        if (!ask.IsAsk && !found.ContainsKey(CoachCodes.GuiltTrip))
        {
            return found;
        }

        // A message that presses without asking outright asks for the thing it is about: it is
        // concrete when it names that thing ("the reference", "the form").
        var specific = ask.IsAsk
            ? ask.Requests.Any(IsConcrete) || ask.Requests.Any(r => AskText.CountWords(r.Text) <= 14 && AskPatterns.ReferencesBack().IsMatch(r.Text) && PreviousIsConcrete(ask, r))
            : ask.Clauses.Any(c => IsConcrete(c with { IsRequest = true }));
        if (!specific)
        {
            found[CoachCodes.VagueAsk] = FirstMatch(ask.Requests, AskPatterns.VaguePhrase()) ?? requestSpan;
            if (generic is null && FirstPick(ask) is { } pick)
            {
                found[CoachCodes.PickYourBrain] = pick;
            }
        }

        var recurring = FirstMatch(ask.Requests, AskPatterns.Recurring());
        if (generic is not null || recurring is not null || !ask.Clauses.Any(c => (c.IsRequest || AskText.CountWords(c.Text) <= 20) && AskPatterns.Bounded().IsMatch(c.Text)))
        {
            found[CoachCodes.NoTimeBound] = recurring ?? requestSpan;
        }

        if (connection == Connection.Admired && !hasPriorValue && !AskPatterns.ValueGiven().IsMatch(text))
        {
            found[CoachCodes.AskBeforeValue] = requestSpan;
        }

        return found;
    }

    /// <summary>A request clause that names what it wants: a concrete question, an artifact, a named earlier question.</summary>
    public static bool IsConcrete(AskClause clause)
    {
        // The pressure in "did my last message reach you??" is not a question to answer.
        var text = AskPatterns.GuiltPhrase().Replace(clause.Text, " ").Trim();
        if (AskPatterns.EmptyQuestion().IsMatch(text) || IsGeneric(text))
        {
            return false;
        }

        if (AskPatterns.VaguePhrase().IsMatch(text) && !AskPatterns.Narrowed().IsMatch(text))
        {
            return false;
        }

        if (AskPatterns.BrainIdiom().IsMatch(text) && !AskPatterns.QuestionForm().IsMatch(text))
        {
            return false;
        }

        return AskPatterns.QuestionForm().IsMatch(text) || AskPatterns.Deliverable().IsMatch(text) || NamedAction.IsAskedFor(text);
    }

    public static bool IsGeneric(string clause)
    {
        foreach (Match match in AskPatterns.GenericMentor().Matches(clause))
        {
            if (!IsQuoted(clause, match) && !AsksAboutTheirPractice(clause, match))
            {
                return true;
            }
        }

        return false;
    }

    private static (int, int)? FirstGeneric(AskText ask)
    {
        for (var i = 0; i < ask.Clauses.Count; i++)
        {
            // A short request pointing back ("Would you be that person?", "considered as one") carries
            // the relationship named in the clause before it.
            var clause = ask.Clauses[i];
            var nextPointsBack = i + 1 < ask.Clauses.Count && ask.Clauses[i + 1].IsRequest && PointsBack(ask.Clauses[i + 1].Text);
            if (!clause.IsRequest && !nextPointsBack)
            {
                continue;
            }

            foreach (Match match in AskPatterns.GenericMentor().Matches(clause.Text))
            {
                if (!IsQuoted(clause.Text, match) && !AsksAboutTheirPractice(clause.Text, match))
                {
                    return (clause.Start + match.Index, match.Length);
                }
            }
        }

        return null;
    }

    // "How did you match sponsors to protégés?" asks about their practice, not for a relationship.
    private static bool AsksAboutTheirPractice(string clause, Match match) =>
        AskPatterns.QuestionWord().IsMatch(clause[..match.Index]);

    private static bool PreviousIsConcrete(AskText ask, AskClause request)
    {
        var index = ask.Clauses.ToList().IndexOf(request);
        return index > 0 && IsConcrete(ask.Clauses[index - 1] with { IsRequest = true });
    }

    private static bool PointsBack(string request) =>
        AskText.CountWords(request) <= 14 && AskPatterns.PointsBack().IsMatch(request);

    private static (int, int)? FirstPick(AskText ask)
    {
        return FirstMatch(ask.Requests, AskPatterns.BrainIdiom()) ?? FirstMatch(ask.Requests, AskPatterns.Meeting());
    }

    private static (int, int)? FirstGuilt(AskText ask)
    {
        var text = ask.Normalized;
        var phrase = AskPatterns.GuiltPhrase().Match(text);
        if (phrase.Success)
        {
            return (phrase.Index, phrase.Length);
        }

        // "Circling back to the question you asked me" returns to their point; circling back on
        // one's own unanswered note is pressure.
        foreach (Match match in AskPatterns.CirclingBack().Matches(text))
        {
            if (!AskPatterns.CirclingBackToThem().IsMatch(text[(match.Index + match.Length)..]))
            {
                return (match.Index, match.Length);
            }
        }

        return null;
    }

    private static (int, int)? FirstMatch(IEnumerable<AskClause> clauses, Regex pattern)
    {
        foreach (var clause in clauses)
        {
            var match = pattern.Match(clause.Text);
            if (match.Success)
            {
                return (clause.Start + match.Index, match.Length);
            }
        }

        return null;
    }

    private static bool IsQuoted(string text, Match match)
    {
        var before = match.Index > 0 ? text[match.Index - 1] : ' ';
        var after = match.Index + match.Length < text.Length ? text[match.Index + match.Length] : ' ';
        return before is '\'' or '"' || after is '\'' or '"';
    }

    private static int StartOfWord(string text, int wordIndex)
    {
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                if (words == wordIndex)
                {
                    return i;
                }

                words++;
            }
        }

        return text.Length;
    }
}
