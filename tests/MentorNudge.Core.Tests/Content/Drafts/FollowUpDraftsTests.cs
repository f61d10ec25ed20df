using System.Text.RegularExpressions;
using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Content.Drafts;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Tests.Content.Drafts;

public sealed class FollowUpDraftsTests
{
    public static TheoryData<int, int, bool> Variants()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (var step in new[] { 1, 2 })
        {
            for (var v = 0; v < FollowUpDrafts.VariantCount; v++)
            {
                data.Add(step, v, true);
                data.Add(step, v, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Create_EveryVariant_TwoToFourSentencesNoGuiltTrip(int step, int variant, bool withInterests)
    {
        var person = ContentFixtures.Person("p1", interests: withInterests ? ["compilers"] : [], links: withInterests ? [] : ["https://blog.example.org/p1?x=1"]);
        var ask = ContentFixtures.Ask("a1", "p1", subject: "Your talk on compilers? A question.");
        var draft = FollowUpDrafts.Create(person, ask, step, variant);

        var sentences = Regex.Split(draft.Text.Trim(), @"(?<=[.!?])\s+").Count(s => s.Length > 0);
        Assert.InRange(sentences, 2, 4);
        Assert.Contains("Your talk on compilers", draft.Text, StringComparison.Ordinal);
        var feedback = AskCoach.Coach(draft.Text, Connection.Existing, hasPriorValue: true);
        Assert.DoesNotContain(feedback.Findings, f => f.Code == CoachCodes.GuiltTrip);
        Assert.DoesNotContain(feedback.Findings, f => f.Code == CoachCodes.GenericMentorAsk);
    }

    [Fact]
    public void All_StepsDiffer_AndMentionTheEasyOut()
    {
        var person = ContentFixtures.Person("p1");
        var ask = ContentFixtures.Ask("a1", "p1");
        var one = FollowUpDrafts.All(person, ask, 1);
        var two = FollowUpDrafts.All(person, ask, 2);
        Assert.Equal(FollowUpDrafts.VariantCount, one.Select(d => d.Text).Distinct().Count());
        Assert.Empty(one.Select(d => d.Text).Intersect(two.Select(d => d.Text)));
        Assert.All(one.Concat(two), d => Assert.Matches("no worries|No pressure|I understand|no reply is needed|no need to reply|don't feel any obligation", d.Text));
    }

    [Fact]
    public void For_SameAsk_SameDraft() =>
        Assert.Equal(
            FollowUpDrafts.For(ContentFixtures.Person("p1"), ContentFixtures.Ask("a1", "p1"), 1),
            FollowUpDrafts.For(ContentFixtures.Person("p1"), ContentFixtures.Ask("a1", "p1"), 1));

    [Fact]
    public void Create_NoSubject_ReferencesEarlierQuestion() =>
        Assert.Contains("my earlier question", FollowUpDrafts.Create(ContentFixtures.Person("p1"), ContentFixtures.Ask("a1", "p1", subject: null), 1, 0).Text, StringComparison.Ordinal);
}
