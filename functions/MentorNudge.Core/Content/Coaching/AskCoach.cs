using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Coaching;

/// <summary>
/// Coaches an outreach before it is sent: specific, small, personal, value first, never pushy.
/// Finds the request clauses and judges what they ask for (<see cref="AskRules"/>); every finding
/// carries the span of text that triggered it. Measured on a frozen held-out corpus; see
/// docs/content.md for the codes and the figures.
/// </summary>
public static class AskCoach
{
    /// <summary>Asks longer than this many words are flagged <see cref="CoachCodes.TooLong"/>.</summary>
    public const int MaxWords = 150;

    /// <summary>Scores <paramref name="text"/> and lists what to improve.</summary>
    /// <param name="text">The ask as the user wrote it (or plans to).</param>
    /// <param name="connection">How the user knows the person.</param>
    /// <param name="hasPriorValue">True when the user has already added value (commented, shared, thanked…).</param>
    public static CoachFeedback Coach(string? text, Connection connection, bool hasPriorValue)
    {
        var ask = AskText.Parse(text);
        var found = AskRules.Detect(ask, connection, hasPriorValue);
        var findings = CoachCodes.All.Where(found.ContainsKey).Select(code => Describe(code, found[code])).ToList();
        var score = ask.IsEmpty ? 0 : Math.Clamp(100 - findings.Sum(f => Penalty(f.Code)), 0, 100);
        return new CoachFeedback(score, findings, AskRewriter.Rewrite(AskSpecifics.Of(ask), connection));
    }

    private static int Penalty(string code) => code switch
    {
        CoachCodes.GenericMentorAsk => 25,
        CoachCodes.PickYourBrain => 15,
        CoachCodes.VagueAsk => 20,
        CoachCodes.NoTimeBound => 10,
        CoachCodes.NotPersonalized => 15,
        CoachCodes.TooLong => 10,
        CoachCodes.AskBeforeValue => 15,
        CoachCodes.GuiltTrip => 25,
        _ => 0,
    };

    private static CoachFinding Describe(string code, (int Start, int Length) span) => code switch
    {
        CoachCodes.GenericMentorAsk => new(code,
            "Asking someone to \"be your mentor\" asks for an open-ended commitment they cannot size.",
            "Ask for one specific piece of help; mentorship grows out of a few good exchanges.", span.Start, span.Length),
        CoachCodes.PickYourBrain => new(code,
            "\"Pick your brain\" or a chat without a topic leaves them to work out what you need.",
            "Name the one question you want answered.", span.Start, span.Length),
        CoachCodes.VagueAsk => new(code,
            "There is no concrete question to answer.",
            "Write the one specific question you would ask if you had them for a minute.", span.Start, span.Length),
        CoachCodes.NoTimeBound => new(code,
            "The request has no clear size, so saying yes feels expensive.",
            "Make it small and bounded: \"15 minutes\", \"one question\", \"a short reply is plenty\".", span.Start, span.Length),
        CoachCodes.NotPersonalized => new(code,
            "Nothing shows you know their work.",
            "Mention a talk, article or project of theirs and what you took from it.", span.Start, span.Length),
        CoachCodes.TooLong => new(code,
            "The message is long; busy people skim.",
            "Keep it under about 150 words: context in one line, the question, thanks.", span.Start, span.Length),
        CoachCodes.AskBeforeValue => new(code,
            "You have not added anything for this person yet.",
            "Engage with their work first (a thoughtful comment, a share with credit), then ask.", span.Start, span.Length),
        CoachCodes.GuiltTrip => new(code,
            "Phrases like \"just bumping\" or \"per my last email\" put pressure on them.",
            "Follow up with something new (an update or a useful link) and give them an easy out.", span.Start, span.Length),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
