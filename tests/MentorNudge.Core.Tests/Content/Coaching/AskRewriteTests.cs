using MentorNudge.Core.Content.Coaching;

namespace MentorNudge.Core.Tests.Content.Coaching;

public sealed class AskRewriteTests
{
    public static TheoryData<string> CorpusIds() => [.. AskCorpus.All().Select(e => e.Id)];

    /// <summary>
    /// Every rewrite passes the coach: no finding at all, except ask-before-value, which depends on
    /// whether value was given (history), not on the words, so no rewrite can remove it.
    /// </summary>
    [Theory]
    [MemberData(nameof(CorpusIds))]
    public void Rewrite_OfEveryCorpusAsk_PassesTheCoachAndKeepsItsSpecifics(string id)
    {
        var example = AskCorpus.All().Single(e => e.Id == id);
        var rewrite = AskCoach.Coach(example.Text, example.ConnectionKind, example.HasPriorValue).Rewrite;

        var again = AskCoach.Coach(rewrite, example.ConnectionKind, example.HasPriorValue);
        Assert.All(again.Findings, f => Assert.Equal(CoachCodes.AskBeforeValue, f.Code));
        Assert.True(again.Score >= 85, $"{id}: rewrite scores {again.Score}");

        var specifics = AskSpecifics.Of(AskText.Parse(example.Text));
        foreach (var kept in new[] { specifics.Name, specifics.WorkReference, specifics.Question, specifics.TimeOffered }.OfType<string>())
        {
            Assert.Contains(kept, rewrite, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rewrite_KeepsNameWorkQuestionAndTime()
    {
        const string text = "Hi Priya, your talk on error budgets changed how my team runs on-call. Could I have 15 minutes next week? How did you get product managers to accept a budget that blocks releases?";
        var rewrite = AskCoach.Coach(text, MentorNudge.Core.Model.Connection.Existing, true).Rewrite;

        Assert.StartsWith("Hi Priya,", rewrite, StringComparison.Ordinal);
        Assert.Contains("your talk on error budgets", rewrite, StringComparison.Ordinal);
        Assert.Contains("How did you get product managers to accept a budget that blocks releases?", rewrite, StringComparison.Ordinal);
        Assert.Contains("15 minutes next week", rewrite, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_WithoutSpecifics_UsesPlaceholdersNotInventedFacts()
    {
        var rewrite = AskCoach.Coach("will you be my mentor?", MentorNudge.Core.Model.Connection.Admired, false).Rewrite;

        Assert.Contains("[name]", rewrite, StringComparison.Ordinal);
        Assert.Contains("[their talk, article or project]", rewrite, StringComparison.Ordinal);
        Assert.Contains("[your one specific question", rewrite, StringComparison.Ordinal);
        Assert.DoesNotContain("mentor", rewrite, StringComparison.OrdinalIgnoreCase);
    }
}
