using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Tests.Model;

public sealed class NudgeIdsTests
{
    [Fact]
    public void FollowUp_SameAskAndStep_SameId() =>
        Assert.Equal(NudgeIds.FollowUp("a1", 2), NudgeIds.FollowUp("a1", 2));

    [Fact]
    public void Ids_AreValidTableKeys()
    {
        string[] ids =
        [
            NudgeIds.FollowUp("a1", 1),
            NudgeIds.WeeklyDigest("u1", new LocalDate(2027, 3, 29)),
            NudgeIds.KeepInTouch("p1", new LocalDate(2027, 1, 4)),
        ];
        Assert.All(ids, id => Assert.DoesNotMatch(@"[/\\#?\u0000-\u001f]", id));
        Assert.Equal("wd-u1-20270329", ids[1]);
    }
}
