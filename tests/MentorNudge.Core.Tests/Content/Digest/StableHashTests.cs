using MentorNudge.Core.Content.Digest;

namespace MentorNudge.Core.Tests.Content.Digest;

public sealed class StableHashTests
{
    // First 8 bytes (big-endian) of SHA-256 of the parts joined by U+001F. If this changes, every user's digest history would be re-dealt.
    [Fact]
    public void Of_KnownInput_KnownValue() =>
        Assert.Equal(StableHashExpected, StableHash.Of("u1", "p1", "2027-W13", "kind"));

    [Fact]
    public void Of_PartsBoundaries_Matter() =>
        Assert.NotEqual(StableHash.Of("ab", "c"), StableHash.Of("a", "bc"));

    private const ulong StableHashExpected = 16677577207096671788UL;
}
