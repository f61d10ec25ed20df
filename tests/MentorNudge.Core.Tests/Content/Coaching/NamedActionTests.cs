using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Tests.Content.Coaching;

public sealed class NamedActionTests
{
    [Theory]
    [InlineData("Hi Lena, could you proofread the abstract I attached before Thursday?")]
    [InlineData("Hi Tim, could you refer me for the SRE opening on your team?")]
    [InlineData("Hi Ada, would you be willing to nominate me for the rising-star award?")]
    [InlineData("Hi Raj, could I sit in on your team's sprint review on Thursday?")]
    [InlineData("Hi Ines, may I quote your post on on-call in my conference talk?")]
    [InlineData("Hi Lu, I'd like to shadow you for a day during the next release. Would that be possible?")]
    [InlineData("Hi Eli, I need your signature on the expense form by Friday.")]
    [InlineData("Hello Mr. Brandt, I would like to invite you to give the keynote at our student conference on 5 May.")]
    public void IsAskedFor_ActionOnANamedObject_True(string clause) => Assert.True(NamedAction.IsAskedFor(clause));

    [Theory]
    [InlineData("Hi Rosa, would you be a judge at our student hackathon?")]
    [InlineData("Hello Ken, would you be my accountability partner for six weeks while I prepare for the AWS exam?")]
    [InlineData("Hi Omar, would you be a reviewer for the data track at our conference?")]
    public void IsAskedFor_RoleAnchoredToAnOccasionOrPurpose_True(string clause) => Assert.True(NamedAction.IsAskedFor(clause));

    [Theory]
    [InlineData("Hi Jo, could you be my sounding board for the next year?")]
    [InlineData("Hi Rosa, would you be my friend and guide in this industry?")]
    [InlineData("Hi Rosa, could you help me with the launch?")]
    [InlineData("Hi Omar, could you give me some advice on the job market?")]
    [InlineData("Hi Lena, would you share your thoughts on the new role?")]
    [InlineData("Hi Ken, could we talk about the reorg sometime?")]
    [InlineData("Hi Ken, I'd love to buy you a coffee.")]
    [InlineData("Hi Tim, could you take a look when you get a chance?")]
    public void IsAskedFor_OpenHelpAdviceMeetingOrRole_False(string clause) => Assert.False(NamedAction.IsAskedFor(clause));

    [Theory]
    [InlineData("Hi Tom, is the staging deploy safe to run on Fridays?")]
    [InlineData("Hi Gus, did you end up using Terraform for the new cluster?")]
    [InlineData("Hi Ayo, could you let me know if the offer for the workshop seats still stands?")]
    [InlineData("Hi Lena, would you be able to proofread my cover letter for the Canva role?")]
    public void Coach_ConcreteAskOutsideTheOldPhraseList_NotVague(string text) =>
        Assert.DoesNotContain(AskCoach.Coach(text, Connection.Existing, true).Findings, f => f.Code == CoachCodes.VagueAsk);

    [Fact]
    public void Coach_PressingWithoutAskingOutright_ConcreteWhenItNamesTheItem()
    {
        const string named = "Hi Ms. Lee, I wrote twice about the reference for my master's application and haven't heard back. The form is one page. If you cannot do it, my application will fail, which would mean another year of waiting.";
        const string unnamed = "Hi Ms. Lee, I haven't heard back from you. If you cannot answer, my plans will fail, which would mean another year of waiting.";

        var namedCodes = AskCoach.Coach(named, Connection.Existing, true).Findings.Select(f => f.Code).ToList();
        var unnamedCodes = AskCoach.Coach(unnamed, Connection.Existing, true).Findings.Select(f => f.Code).ToList();

        Assert.Contains(CoachCodes.GuiltTrip, namedCodes);
        Assert.DoesNotContain(CoachCodes.VagueAsk, namedCodes);
        Assert.Contains(CoachCodes.VagueAsk, unnamedCodes);
    }
}
