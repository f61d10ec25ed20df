namespace MentorNudge.Core.Content.Coaching;

/// <summary>What the user wrote that a rewrite must keep: whom they address, which work of theirs, the question, the time offered.</summary>
/// <param name="Name">The name in the greeting ("Priya", "Dr. Okafor"), or null.</param>
/// <param name="WorkReference">Their work as the user named it ("your talk on error budgets"), or null.</param>
/// <param name="Question">The ask's own concrete question, or null.</param>
/// <param name="TimeOffered">The size or window the user offered ("15 minutes next week"), or null.</param>
internal sealed record AskSpecifics(string? Name, string? WorkReference, string? Question, string? TimeOffered)
{
    public static AskSpecifics Of(AskText ask)
    {
        var text = ask.Normalized;
        var greeting = AskPatterns.Greeting().Match(text);
        var work = AskPatterns.WorkReference().Match(text);
        var time = AskPatterns.TimeOffered().Match(text);
        var question = ask.Clauses
            // A recurring arrangement ("for the next three months") is concrete but open-ended: the
            // rewrite cannot keep it and still be small.
            .Where(c => c.Text.EndsWith('?') && AskRules.IsConcrete(c) && !AskPatterns.GuiltPhrase().IsMatch(c.Text) && !AskPatterns.Recurring().IsMatch(c.Text) && AskText.CountWords(c.Text) <= 40)
            .Select(c => StripLeadIn(c.Text))
            .FirstOrDefault();
        return new AskSpecifics(
            greeting.Success ? greeting.Groups["name"].Value : null,
            work.Success ? work.Value : null,
            question,
            time.Success ? time.Value : null);
    }

    // "Hi Tom, quick question: which …?" keeps only the question.
    private static string StripLeadIn(string clause)
    {
        var greeting = AskPatterns.Greeting().Match(clause);
        var rest = greeting.Success ? clause[(greeting.Index + greeting.Length)..].TrimStart(',', ' ', '!') : clause;
        return rest.Length > 0 ? char.ToUpperInvariant(rest[0]) + rest[1..] : clause;
    }
}
