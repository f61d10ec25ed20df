using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Tests.Content.Digest;

public sealed class AddValueBackOffTests
{
    private static Nudge SentFollowUp(string askId, Instant sentAt) =>
        new(NudgeIds.FollowUp(askId, 2), ContentFixtures.UserId, NudgeKind.FollowUp, "p1", askId, 2, sentAt, NudgeStatus.Sent, sentAt);

    [Theory]
    [InlineData(13, true)]
    [InlineData(27, true)]
    [InlineData(29, false)]
    public void IsInBackOff_UnansweredAskWithRecentFollowUp_ByAge(int daysAgo, bool expected)
    {
        var person = ContentFixtures.Person("p1");
        var asks = new[] { ContentFixtures.Ask("a1", "p1", sentAt: ContentFixtures.Now - Duration.FromDays(60)) };
        var history = new[] { SentFollowUp("a1", ContentFixtures.Now - Duration.FromDays(daysAgo)) };
        Assert.Equal(expected, AddValueBackOff.IsInBackOff(person, asks, history, ContentFixtures.Now));
    }

    [Fact]
    public void IsInBackOff_AnsweredAsk_False()
    {
        var person = ContentFixtures.Person("p1");
        var asks = new[] { ContentFixtures.Ask("a1", "p1", sentAt: ContentFixtures.Now - Duration.FromDays(30), answeredAt: ContentFixtures.Now - Duration.FromDays(1)) };
        var history = new[] { SentFollowUp("a1", ContentFixtures.Now - Duration.FromDays(5)) };
        Assert.False(AddValueBackOff.IsInBackOff(person, asks, history, ContentFixtures.Now));
    }

    [Fact]
    public void IsInBackOff_FollowUpNotSent_False()
    {
        var person = ContentFixtures.Person("p1");
        var asks = new[] { ContentFixtures.Ask("a1", "p1") };
        var history = new[] { SentFollowUp("a1", ContentFixtures.Now - Duration.FromDays(5)) with { Status = NudgeStatus.Cancelled } };
        Assert.False(AddValueBackOff.IsInBackOff(person, asks, history, ContentFixtures.Now));
    }
}
