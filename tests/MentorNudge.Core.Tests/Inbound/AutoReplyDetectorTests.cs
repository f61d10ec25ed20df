using MentorNudge.Core.Inbound;

namespace MentorNudge.Core.Tests.Inbound;

public sealed class AutoReplyDetectorTests
{
    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("auto-submitted", "auto-generated")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "1")]
    [InlineData("Precedence", "auto_reply")]
    public void IsAutoReply_AutomaticHeader_True(string name, string value) =>
        Assert.True(AutoReplyDetector.IsAutoReply(new Dictionary<string, string> { [name] = value }, "Re: coffee?"));

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Precedence", "bulk")]
    [InlineData("X-Mailer", "Outlook")]
    public void IsAutoReply_OrdinaryHeader_False(string name, string value) =>
        Assert.False(AutoReplyDetector.IsAutoReply(new Dictionary<string, string> { [name] = value }, "Re: coffee?"));

    [Theory]
    [InlineData("Out of Office: Re: coffee?")]
    [InlineData("Automatic reply: Your question")]
    [InlineData("Abwesenheitsnotiz: Frage")]
    [InlineData("Réponse automatique : question")]
    public void IsAutoReply_AutoReplySubject_True(string subject) =>
        Assert.True(AutoReplyDetector.IsAutoReply(null, subject));

    [Theory]
    [InlineData("Re: coffee next week?")]
    [InlineData("")]
    [InlineData(null)]
    public void IsAutoReply_OrdinarySubject_False(string? subject) =>
        Assert.False(AutoReplyDetector.IsAutoReply(new Dictionary<string, string>(), subject));
}
