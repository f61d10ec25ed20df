using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Content.Emails;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Drafts;

/// <summary>
/// Suggested follow-up messages for an unanswered ask: two to four sentences that name the
/// original ask, add something of value or an update, and give an easy out. Never a guilt
/// phrase ("just bumping", "circling back"); tests run the ask coach over every variant.
/// </summary>
public static class FollowUpDrafts
{
    /// <summary>How many wordings each step has.</summary>
    public const int VariantCount = 3;

    /// <summary>The draft for <paramref name="step"/>, its wording chosen stably from the ask id.</summary>
    public static FollowUpDraft For(Person person, Ask ask, int step)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return Create(person, ask, step, StableHash.Index(VariantCount, ask.Id, "draft"));
    }

    /// <summary>All wordings of a step.</summary>
    public static IReadOnlyList<FollowUpDraft> All(Person person, Ask ask, int step) =>
        Enumerable.Range(0, VariantCount).Select(v => Create(person, ask, step, v)).ToList();

    /// <summary>One wording of a step. Steps beyond 2 use the last step's wording.</summary>
    public static FollowUpDraft Create(Person person, Ask ask, int step, int variant)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        variant %= VariantCount;

        var first = SafeText.FirstName(person.Name);
        var topic = Topic(ask);
        var value = ValueSentence(person, ask.Id);
        var text = (step == 1 ? 1 : 2, variant) switch
        {
            (1, 0) => $"Hi {first}, a quick update on {topic}: since I wrote, I've [one thing you tried or learned]. {value} If now isn't a good time, no worries at all; I know how full things get.",
            (1, 1) => $"Hi {first}, I wanted to add one thing to my note about {topic}: [one new detail or result]. {value} No pressure to reply; if it's not a fit right now, that's completely fine.",
            (1, _) => $"Hi {first}, since my note about {topic}, I've narrowed it down to [one specific question]. {value} If you have a moment, a short reply would be lovely, and if not, I understand.",
            (_, 0) => $"Hi {first}, one last note on {topic}, and then I'll leave it with you. {value} If the timing isn't right, no reply is needed; I'm grateful for the work you share either way.",
            (_, 1) => $"Hi {first}, here is a final update on {topic}: [what you did in the meantime]. {value} There's no need to reply if you're busy; I'll keep following your work with interest.",
            _ => $"Hi {first}, I thought you might like to know where {topic} ended up: [a short result]. {value} Please don't feel any obligation to reply; thank you for the inspiration.",
        };
        return new FollowUpDraft(step, variant, text);
    }

    private static string Topic(Ask ask)
    {
        // Sentence punctuation inside the subject would split the draft's sentences oddly.
        var subject = SafeText.OneLine(ask.Subject, 80).Replace("?", string.Empty, StringComparison.Ordinal)
            .Replace("!", string.Empty, StringComparison.Ordinal).Replace(". ", ", ", StringComparison.Ordinal).Trim().TrimEnd('.');
        return subject.Length > 0 ? $"\"{subject}\"" : "my earlier question";
    }

    private static string ValueSentence(Person person, string seed)
    {
        var link = person.Links.Select(SafeText.Link).OfType<Uri>().FirstOrDefault();
        var interests = person.Interests.Select(i => SafeText.OneLine(i, 60).Replace(".", string.Empty, StringComparison.Ordinal)).Where(i => i.Length > 0).ToList();
        if (interests.Count > 0)
        {
            var interest = interests[StableHash.Index(interests.Count, seed, "interest")];
            return $"I also came across [a short article or tool] on {interest} that made me think of you.";
        }

        return link is not null
            ? $"I also shared your piece ({link.AbsoluteUri}) with my team, and it started a good discussion."
            : "I also found [a short article or tool] that might be useful in your work.";
    }
}
