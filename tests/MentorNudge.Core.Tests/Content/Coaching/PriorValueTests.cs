using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Tests.Content.Coaching;

public sealed class PriorValueTests
{
    [Theory]
    [InlineData(InteractionKind.Share, true)]
    [InlineData(InteractionKind.Thank, true)]
    [InlineData(InteractionKind.Meeting, false)]
    [InlineData(InteractionKind.Message, false)]
    public void Has_ByInteractionKind(InteractionKind kind, bool expected) =>
        Assert.Equal(expected, PriorValue.Has("p1", [new Interaction("i1", "u1", "p1", kind, NodaTime.Instant.FromUtc(2027, 1, 1, 0, 0))]));

    [Fact]
    public void Has_OtherPersonsInteraction_False() =>
        Assert.False(PriorValue.Has("p1", [new Interaction("i1", "u1", "p2", InteractionKind.Share, NodaTime.Instant.FromUtc(2027, 1, 1, 0, 0))]));
}
