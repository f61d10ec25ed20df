using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Tests.Content.Coaching;

public sealed class AskCoachTests
{
    private const string GoodAsk =
        "Hi Priya, your talk on error budgets changed how my team runs on-call. How did you get product managers to accept a budget that blocks releases? Even a two-line reply would help. Thanks either way, no pressure.";

    [Fact]
    public void Coach_GoodAsk_NoFindingsHighScore()
    {
        var feedback = AskCoach.Coach(GoodAsk, Connection.Existing, hasPriorValue: false);
        Assert.Empty(feedback.Findings);
        Assert.Equal(100, feedback.Score);
    }

    [Fact]
    public void Coach_GenericMentorAsk_LowScoreAndCodes()
    {
        var feedback = AskCoach.Coach("Will you be my mentor? Any advice would help.", Connection.Admired, hasPriorValue: false);
        var codes = feedback.Findings.Select(f => f.Code).ToList();
        Assert.Contains(CoachCodes.GenericMentorAsk, codes);
        Assert.Contains(CoachCodes.VagueAsk, codes);
        Assert.Contains(CoachCodes.AskBeforeValue, codes);
        Assert.True(feedback.Score < 50, $"score {feedback.Score}");
        Assert.All(feedback.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message + f.Suggestion)));
    }

    [Fact]
    public void Coach_AdmiredWithPriorValue_NoAskBeforeValue()
    {
        var feedback = AskCoach.Coach(GoodAsk, Connection.Admired, hasPriorValue: true);
        Assert.DoesNotContain(feedback.Findings, f => f.Code == CoachCodes.AskBeforeValue);
    }

    [Theory]
    [InlineData("just bumping this")]
    [InlineData("Circling back on my note.")]
    [InlineData("Per my last email, any update?")]
    [InlineData("Did you see my email?")]
    public void Coach_GuiltPhrases_GuiltTrip(string text) =>
        Assert.Contains(AskCoach.Coach(text, Connection.Existing, true).Findings, f => f.Code == CoachCodes.GuiltTrip);

    [Fact]
    public void Coach_OverLongAsk_TooLong()
    {
        var text = GoodAsk + " " + string.Join(' ', Enumerable.Repeat("context", 150));
        Assert.Contains(AskCoach.Coach(text, Connection.Existing, true).Findings, f => f.Code == CoachCodes.TooLong);
    }

    [Fact]
    public void Coach_Rewrite_HasTheShapeOfAGoodAsk()
    {
        var rewrite = AskCoach.Coach("Could I pick your brain? Which certification mattered most when you hired?", Connection.Existing, true).Rewrite;
        Assert.Contains("your work on", rewrite, StringComparison.Ordinal);
        Assert.Contains("working toward", rewrite, StringComparison.Ordinal);
        Assert.Contains("Which certification mattered most when you hired?", rewrite, StringComparison.Ordinal);
        Assert.Contains("no worries", rewrite, StringComparison.Ordinal);
        Assert.DoesNotContain(AskCoach.Coach(rewrite, Connection.Existing, true).Findings, f => f.Code is CoachCodes.GuiltTrip or CoachCodes.GenericMentorAsk or CoachCodes.PickYourBrain);
    }

    [Theory]
    [InlineData("Hi Sarah, will you be my mentor? I want to grow.", "generic-mentor-ask", "be my mentor")]
    [InlineData("Hi Gwen, do you ever take people under your wing? I'm early in my career.", "generic-mentor-ask", "under your wing")]
    [InlineData("Hi Carl, just bumping this. Did you see my email?", "guilt-trip", "just bump")]
    [InlineData("Hi Nina, I'd love to pick your brain over coffee.", "pick-your-brain", "pick your brain")]
    [InlineData("Hi Kate, could you help? Any advice would be appreciated.", "vague-ask", "Any advice")]
    public void Coach_Finding_SpanIsTheTriggeringText(string text, string code, string span)
    {
        var finding = Assert.Single(AskCoach.Coach(text, Connection.Existing, true).Findings, f => f.Code == code);
        Assert.Equal(span, text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Coach_Span_CountsInTheOriginalText()
    {
        // Leading spaces and typographic apostrophes must not shift the offsets.
        const string text = "  Hi Omar, I\u2019d love to pick your brain. Bumping this again!";
        var findings = AskCoach.Coach(text, Connection.Existing, true).Findings;
        var guilt = Assert.Single(findings, f => f.Code == CoachCodes.GuiltTrip);
        Assert.Equal("Bumping this", text.Substring(guilt.Start, guilt.Length));
        var pick = Assert.Single(findings, f => f.Code == CoachCodes.PickYourBrain);
        Assert.Equal("pick your brain", text.Substring(pick.Start, pick.Length));
    }

    [Fact]
    public void Coach_MissingTimeBound_SpanIsTheRequest()
    {
        const string text = "Hi Rana, I saw your team open-sourced the flag service you built. How did you handle flag cleanup? Thanks for publishing it.";
        var finding = Assert.Single(AskCoach.Coach(text, Connection.Existing, true).Findings, f => f.Code == CoachCodes.NoTimeBound);
        Assert.Equal("How did you handle flag cleanup?", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Coach_TooLong_SpanStartsAfterTheWordLimit()
    {
        var text = GoodAsk + " " + string.Join(' ', Enumerable.Repeat("context", 150));
        var finding = Assert.Single(AskCoach.Coach(text, Connection.Existing, true).Findings, f => f.Code == CoachCodes.TooLong);
        Assert.Equal(AskCoach.MaxWords, text[..finding.Start].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(text.Length, finding.Start + finding.Length);
    }

    [Theory]
    [InlineData("Hi Ola, could you answer the question I sent last week about pricing the pilot? A one-word answer is plenty, and thanks for the intro to your CFO!")]
    [InlineData("Hi Greg, could you send me the slides from your talk at the product meetup sometime? I'd like to share the retention chart with my team.")]
    public void Coach_NamedQuestionOrSmallAskSayingSometime_NoFinding(string text) =>
        Assert.Empty(AskCoach.Coach(text, Connection.Existing, true).Findings);

    [Fact]
    public void Coach_Empty_ScoreZero() => Assert.Equal(0, AskCoach.Coach("  ", Connection.Existing, false).Score);

    [Fact]
    public void Codes_AreTheContractStrings() =>
        Assert.Equal(
            ["generic-mentor-ask", "pick-your-brain", "vague-ask", "no-time-bound", "not-personalized", "too-long", "ask-before-value", "guilt-trip"],
            CoachCodes.All);
}
