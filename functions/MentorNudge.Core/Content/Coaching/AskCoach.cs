using System.Text;
using System.Text.RegularExpressions;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Coaching;

/// <summary>
/// Coaches an outreach before it is sent: specific, small, personal, value first, never pushy.
/// Rule based (phrase patterns per finding) and measured against a labelled corpus of asks;
/// see docs/content.md for the codes and the figures.
/// </summary>
public static partial class AskCoach
{
    /// <summary>Asks longer than this many words are flagged <see cref="CoachCodes.TooLong"/>.</summary>
    public const int MaxWords = 150;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Scores <paramref name="text"/> and lists what to improve.</summary>
    /// <param name="text">The ask as the user wrote it (or plans to).</param>
    /// <param name="connection">How the user knows the person.</param>
    /// <param name="hasPriorValue">True when the user has already added value (commented, shared, thanked…).</param>
    public static CoachFeedback Coach(string? text, Connection connection, bool hasPriorValue)
    {
        var normalized = Normalize(text);
        var codes = Detect(normalized, connection, hasPriorValue);
        var findings = CoachCodes.All.Where(codes.Contains).Select(Describe).ToList();
        var score = Math.Clamp(100 - findings.Sum(f => Penalty(f.Code)), 0, 100);
        if (normalized.Length == 0)
        {
            score = 0;
        }

        return new CoachFeedback(score, findings, Rewrite(normalized, connection));
    }

    private static HashSet<string> Detect(string text, Connection connection, bool hasPriorValue)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (text.Length == 0)
        {
            codes.Add(CoachCodes.VagueAsk);
            return codes;
        }

        var generic = HasGenericMentorAsk(text);
        var pick = PickYourBrain().IsMatch(text);
        var vaguePhrase = VaguePhrase().IsMatch(text);
        var guilt = HasGuiltTrip(text);
        var isAsk = generic || pick || vaguePhrase || guilt || text.Contains('?', StringComparison.Ordinal) || RequestPhrase().IsMatch(text);

        if (generic)
        {
            codes.Add(CoachCodes.GenericMentorAsk);
        }

        if (pick)
        {
            codes.Add(CoachCodes.PickYourBrain);
        }

        if (guilt)
        {
            codes.Add(CoachCodes.GuiltTrip);
        }

        if (CountWords(text) > MaxWords)
        {
            codes.Add(CoachCodes.TooLong);
        }

        if (!Personal().IsMatch(text))
        {
            codes.Add(CoachCodes.NotPersonalized);
        }

        // A note that asks for nothing (a thank-you, a congratulation) is value, not an ask.
        if (isAsk)
        {
            if (vaguePhrase || !HasConcreteQuestion(text))
            {
                codes.Add(CoachCodes.VagueAsk);
            }

            if (!Bounded().IsMatch(text) || Recurring().IsMatch(text))
            {
                codes.Add(CoachCodes.NoTimeBound);
            }

            if (connection == Connection.Admired && !hasPriorValue)
            {
                codes.Add(CoachCodes.AskBeforeValue);
            }
        }

        return codes;
    }

    private static bool HasGenericMentorAsk(string text)
    {
        foreach (Match match in GenericMentor().Matches(text))
        {
            // "I won't send another 'be my mentor' email" quotes the phrase rather than asking it.
            var before = match.Index > 0 ? text[match.Index - 1] : ' ';
            var after = match.Index + match.Length < text.Length ? text[match.Index + match.Length] : ' ';
            if (!IsQuote(before) && !IsQuote(after))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasGuiltTrip(string text)
    {
        if (GuiltPhrase().IsMatch(text))
        {
            return true;
        }

        // "Circling back to the question you asked me" returns to their point; only circling back
        // on one's own unanswered note is pressure.
        foreach (Match match in CirclingBack().Matches(text))
        {
            var rest = text[(match.Index + match.Length)..];
            if (!CirclingBackToThem().IsMatch(rest))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasConcreteQuestion(string text)
    {
        foreach (var clause in Clauses(text))
        {
            var isQuestion = clause.EndsWith('?') || ConcreteRequest().IsMatch(clause);
            if (!isQuestion)
            {
                continue;
            }

            // Questions that are only the generic ask, availability or small talk carry no content.
            if (HasGenericMentorAsk(clause) || PickYourBrain().IsMatch(clause) || VaguePhrase().IsMatch(clause)
                || HasGuiltTrip(clause) || EmptyQuestion().IsMatch(clause))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    // Sentences, further split at colons and semicolons: "one question: which X?" has a concrete part.
    private static IEnumerable<string> Clauses(string text) =>
        ClauseSplit().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0);

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Normalize(string? text)
    {
        var builder = new StringBuilder((text ?? string.Empty).Trim());
        // Typographic apostrophes and quotes behave like ASCII ones for the patterns.
        builder.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');
        return builder.ToString();
    }

    private static bool IsQuote(char c) => c is '\'' or '"';

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

    private static CoachFinding Describe(string code) => code switch
    {
        CoachCodes.GenericMentorAsk => new(code,
            "Asking someone to \"be your mentor\" asks for an open-ended commitment they cannot size.",
            "Ask for one specific piece of help; mentorship grows out of a few good exchanges."),
        CoachCodes.PickYourBrain => new(code,
            "\"Pick your brain\" leaves them to work out what you need.",
            "Name the one question you want answered."),
        CoachCodes.VagueAsk => new(code,
            "There is no concrete question to answer.",
            "Write the one specific question you would ask if you had them for a minute."),
        CoachCodes.NoTimeBound => new(code,
            "The request has no clear size, so saying yes feels expensive.",
            "Make it small and bounded: \"15 minutes\", \"one question\", \"a short reply is plenty\"."),
        CoachCodes.NotPersonalized => new(code,
            "Nothing shows you know their work.",
            "Mention a talk, article or project of theirs and what you took from it."),
        CoachCodes.TooLong => new(code,
            "The message is long; busy people skim.",
            "Keep it under about 150 words: context in one line, the question, thanks."),
        CoachCodes.AskBeforeValue => new(code,
            "You have not added anything for this person yet.",
            "Engage with their work first (a thoughtful comment, a share with credit), then ask."),
        CoachCodes.GuiltTrip => new(code,
            "Phrases like \"just bumping\" or \"per my last email\" put pressure on them.",
            "Follow up with something new (an update or a useful link) and give them an easy out."),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    private static string Rewrite(string text, Connection connection)
    {
        var question = Clauses(text).FirstOrDefault(c => c.EndsWith('?')
            && !HasGenericMentorAsk(c) && !PickYourBrain().IsMatch(c) && !VaguePhrase().IsMatch(c)
            && !HasGuiltTrip(c) && !EmptyQuestion().IsMatch(c) && CountWords(c) <= 40);
        var opening = connection == Connection.Existing
            ? "Since we [worked together on / last spoke about …], I've been following your work on [their talk, article or project], and [one thing you took from it]."
            : "I've been following your work on [their talk, article or project], and [one thing you took from it or how you shared it].";
        return string.Join(
            "\n",
            "Hi [name],",
            opening,
            "I'm working toward [your goal], and one question keeps coming up:",
            question ?? "[one specific question]?",
            "If you have time for a short reply (or 15 minutes), I'd be grateful. And if not, no worries at all; thank you for what you already share.",
            "[your name]");
    }

    [GeneratedRegex(@"\b(?:be|become|being)\s+my\s+mentor\b|\bmentor(?:ing)?\s+me\b|\b(?:looking|searching|hoping)\s+for\s+a\s+mentor\b|\b(?:as\s+(?:a|your)\s+mentee)\b", Options)]
    private static partial Regex GenericMentor();

    [GeneratedRegex(@"\bpick(?:ing)?\s+your\s+brains?\b|\bbrain\s+to\s+pick\b", Options)]
    private static partial Regex PickYourBrain();

    [GeneratedRegex(
        @"\bhelp\s+with\s+my\s+career\b|\bany\s+(?:advice|tips|guidance|thoughts|wisdom|pointers|insights|suggestions)\b"
        + @"|\b(?:general|career)\s+advice\b|\badvice\s+(?:about|on)\s+my\s+career\b|\bgrow\s+in\s+my\s+career\b"
        + @"|\b(?:guidance|advice)\s+on\s+how\s+to\s+(?:advance|grow|progress|succeed)\b|\badvance\s+professionally\b"
        + @"|\bget\s+better\s+at\s+everything\b",
        Options)]
    private static partial Regex VaguePhrase();

    [GeneratedRegex(
        @"\bjust\s+bump|\bbump(?:ing)?\s+(?:this|it|my)\b|\b(?:as\s+)?per\s+my\s+(?:last|previous|earlier)\s+(?:e-?mail|message|note)\b"
        + @"|\bdid\s+you\s+(?:see|get|receive|read)\s+my\s+(?:last\s+|previous\s+|earlier\s+)?(?:e-?mail|message|note)\b"
        + @"|\b(?:haven't|have\s+not|hadn't)\s+heard\s+back\b|\bdidn't\s+(?:get|receive|hear)\s+(?:a\s+|any\s+)?(?:response|reply|answer)\b"
        + @"|\bstill\s+waiting\b|\bfollowing\s+up\s+again\b|\blost\s+in\s+your\s+inbox\b|\btop\s+of\s+your\s+inbox\b"
        + @"|\bhaven't\s+heard\s+from\s+you\b|\bfollowing\s+up\s+on\s+my\s+(?:previous|last|earlier)\s+(?:e-?mail|message|note)\b"
        + @"|\b(?:nudging|pinging|following\s+up|reaching\s+out|writing|checking\s+in|bumping)\s+(?:you\s+)?(?:again|once\s+more)\b|\b(?:must|might|may)\s+have\s+seen\s+my\b"
        + @"|\bin\s+case\s+you\s+missed\b|\bas\s+i\s+(?:mentioned|said)\s+(?:before|earlier|previously)\b|\bresending\b",
        Options)]
    private static partial Regex GuiltPhrase();

    [GeneratedRegex(@"\bcircl(?:ing|e)\s+back\b", Options)]
    private static partial Regex CirclingBack();

    [GeneratedRegex(@"^\s*to\s+(?:the|your)\s+(?:\w+\s+){0,2}?(?:you\s+(?:asked|raised|suggested|mentioned)|question\s+you|point\s+you|idea\s+you)", Options)]
    private static partial Regex CirclingBackToThem();

    [GeneratedRegex(
        @"\b(?:could|would|can|will)\s+(?:you|i)\b|\bmay\s+i\b|\blet\s+me\s+know\b|\bi'?d\s+(?:love|like|be\s+grateful|appreciate|welcome|really\s+value|value)\b"
        + @"|\bplease\b|\bhoping\b|\bappreciated?\b|\bwondering\b|\bwould\s+love\b",
        Options)]
    private static partial Regex RequestPhrase();

    [GeneratedRegex(
        @"\b(?:wonder(?:ing)?|curious)\s+(?:how|what|whether|if|which|why|when)\b|\b(?:explain|tell\s+me|share)\s+(?:how|what|which|why|whether|if)\b",
        Options)]
    private static partial Regex ConcreteRequest();

    [GeneratedRegex(
        @"^(?:[\w\s.]{0,30},\s*)?(?:how\s+are\s+you|how\s+have\s+you\s+been|how'?s\s+it\s+going|are\s+you\s+(?:free|available)|would\s+that\s+be\s+(?:possible|ok(?:ay)?)|does\s+that\s+work|is\s+that\s+ok(?:ay)?|(?:any\s+)?thoughts)\b",
        Options)]
    private static partial Regex EmptyQuestion();

    [GeneratedRegex(
        @"\b(?:used|took|followed|tried|applied|implemented)\s+your\b|\byour\s+(?:advice|suggestion|framing|feedback|comment|recommendation)s?\b"
        + @"|\byour\s+(?:[\w'-]+\s+){0,3}?(?:talk|article|post|blog|book|paper|podcast|keynote|newsletter|thread|essay|research|project|repo|repository|library|course|video|presentation|piece|interview|episode|launch|workshop|lecture|series|write-?up|demo|announcement|charter|runbook|guide|tool|framework|work|playbook|checklist|slides|deck|rubric|notes|handbook|template|study|report|course|lecture\s+notes)s?\b"
        + @"|\byour\s+team's\b|\byou\s+(?:wrote|said|shared|built|published|presented|gave|led|ran|described|created|designed|suggested|recommended|launched|open-sourced|demoed)\b",
        Options)]
    private static partial Regex Personal();

    [GeneratedRegex(
        @"\b(?:\d{1,3}|five|ten|fifteen|twenty|thirty)[- ]?(?:min|mins|minute|minutes)\b|\b(?:one|a\s+single|1|two)\s+(?:quick\s+|short\s+|specific\s+|small\s+)?questions?\b"
        + @"|\b(?:one|two|1|2)[- ](?:line|sentence)\b|\b(?:one|two|a\s+few)\s+(?:or\s+(?:two|three)\s+)?(?:lines|sentences)\b|\b(?:short|quick|brief)\s+(?:email\s+)?(?:reply|answer|email|note|response)\b"
        + @"|\byes\s+or\s+no\b|\bglance\s+at\b|\bjust\s+the\s+first\s+(?:paragraph|page|slide)\b",
        Options)]
    private static partial Regex Bounded();

    [GeneratedRegex(@"\bonce\s+a\s+(?:week|month)\b|\bevery\s+(?:week|month|other\s+week)\b|\b(?:weekly|monthly|fortnightly)\s+(?:call|meeting|chat)s?\b|\bfor\s+the\s+next\s+(?:\w+\s+)?(?:months|weeks|years)\b", Options)]
    private static partial Regex Recurring();

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n+")]
    private static partial Regex ClauseSplit();
}
