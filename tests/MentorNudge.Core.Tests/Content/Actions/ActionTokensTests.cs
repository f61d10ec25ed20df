using System.Text;
using MentorNudge.Core.Content.Actions;
using NodaTime;

namespace MentorNudge.Core.Tests.Content.Actions;

public sealed class ActionTokensTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 29, 7, 0);
    private static readonly Instant Expiry = Now + Duration.FromDays(30);
    private readonly ActionTokens _tokens = new(ContentFixtures.Key);

    [Fact]
    public void Verify_FreshToken_ReturnsClaims()
    {
        var token = _tokens.Create("u1", "fu-a1-1", ActionKind.Snooze, Expiry);
        var result = _tokens.Verify(token, Now);
        Assert.True(result.IsValid);
        Assert.Equal("u1", result.UserId);
        Assert.Equal("fu-a1-1", result.NudgeId);
        Assert.Equal(ActionKind.Snooze, result.Action);
        Assert.Equal(Expiry, result.ExpiresAt);
    }

    [Fact]
    public void Create_Token_IsUrlSafe()
    {
        var token = _tokens.Create("user/with+odd=chars?", "fu-a1-1", ActionKind.Unsubscribe, Expiry);
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Verify_AtOrAfterExpiry_Expired()
    {
        var token = _tokens.Create("u1", "n1", ActionKind.Stop, Expiry);
        Assert.True(_tokens.Verify(token, Expiry - Duration.FromSeconds(1)).IsValid);
        Assert.Equal(ActionTokenFailure.Expired, _tokens.Verify(token, Expiry).Failure);
        Assert.Null(_tokens.Verify(token, Expiry).UserId);
    }

    [Fact]
    public void Verify_PayloadSwappedToOtherUser_Tampered()
    {
        var token = _tokens.Create("u1", "n1", ActionKind.Unsubscribe, Expiry);
        var forged = Payload("u2", "n1", "unsubscribe", Expiry) + token[token.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Equal(ActionTokenFailure.Tampered, _tokens.Verify(forged, Now).Failure);
    }

    [Fact]
    public void Verify_ActionSwapped_Tampered()
    {
        var token = _tokens.Create("u1", "n1", ActionKind.Snooze, Expiry);
        var forged = Payload("u1", "n1", "unsubscribe", Expiry) + token[token.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Equal(ActionTokenFailure.Tampered, _tokens.Verify(forged, Now).Failure);
    }

    [Fact]
    public void Verify_ExpiryExtended_Tampered()
    {
        var token = _tokens.Create("u1", "n1", ActionKind.Snooze, Expiry);
        var forged = Payload("u1", "n1", "snooze", Expiry + Duration.FromDays(365)) + token[token.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Equal(ActionTokenFailure.Tampered, _tokens.Verify(forged, Now).Failure);
    }

    [Fact]
    public void Verify_SignatureBitFlipped_Tampered()
    {
        var token = _tokens.Create("u1", "n1", ActionKind.Replied, Expiry);
        var last = token[^1] == 'A' ? 'B' : 'A';
        Assert.Equal(ActionTokenFailure.Tampered, _tokens.Verify(token[..^1] + last, Now).Failure);
    }

    [Fact]
    public void Verify_OtherPurpose_Tampered()
    {
        var other = new ActionTokens(ContentFixtures.Key, "mentornudge/something-else");
        var token = other.Create("u1", "n1", ActionKind.Unsubscribe, Expiry);
        Assert.True(other.Verify(token, Now).IsValid);
        Assert.Equal(ActionTokenFailure.Tampered, _tokens.Verify(token, Now).Failure);
    }

    [Fact]
    public void Verify_OtherKey_Tampered()
    {
        var other = new ActionTokens(Enumerable.Repeat((byte)7, 32).ToArray());
        Assert.Equal(ActionTokenFailure.Tampered, _tokens.Verify(other.Create("u1", "n1", ActionKind.Stop, Expiry), Now).Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData(".abc")]
    [InlineData("abc.")]
    [InlineData("ab+c.de/f")]
    [InlineData("%00.%00")]
    public void Verify_Garbage_Malformed(string? token) =>
        Assert.Equal(ActionTokenFailure.Malformed, _tokens.Verify(token, Now).Failure);

    [Fact]
    public void Verify_VeryLongToken_Malformed() =>
        Assert.Equal(ActionTokenFailure.Malformed, _tokens.Verify(new string('A', 5000) + ".AAAA", Now).Failure);

    [Fact]
    public void Create_Token_RevealsNoId()
    {
        var token = _tokens.Create("u0123456789abcdef", "wd-u0123456789abcdef-2027-03-29", ActionKind.Unsubscribe, Expiry);

        foreach (var part in token.Split('.'))
        {
            var bytes = Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight((part.Length + 3) / 4 * 4, '='));
            Assert.DoesNotContain("u0123456789abcdef", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("unsubscribe", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_SameClaimsTwice_DifferentTokens() =>
        Assert.NotEqual(_tokens.Create("u1", "n1", ActionKind.Stop, Expiry), _tokens.Create("u1", "n1", ActionKind.Stop, Expiry));

    [Fact]
    public void Verify_TokenOfPreviousKeyAfterRotation_Valid()
    {
        var next = Enumerable.Repeat((byte)9, 32).ToArray();
        var sentBeforeRotation = _tokens.Create("u1", "n1", ActionKind.Replied, Expiry);
        var rotated = new ActionTokens(next, ContentFixtures.Key);

        var result = rotated.Verify(sentBeforeRotation, Now);

        Assert.True(result.IsValid);
        Assert.Equal("u1", result.UserId);
        Assert.NotEqual(_tokens.KeyId, rotated.KeyId);
        Assert.StartsWith(rotated.KeyId + ".", rotated.Create("u1", "n1", ActionKind.Replied, Expiry), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PreviousKeyDropped_Tampered()
    {
        var sentBeforeRotation = _tokens.Create("u1", "n1", ActionKind.Replied, Expiry);
        var rotatedTwice = new ActionTokens(Enumerable.Repeat((byte)9, 32).ToArray(), Enumerable.Repeat((byte)8, 32).ToArray());

        Assert.Equal(ActionTokenFailure.Tampered, rotatedTwice.Verify(sentBeforeRotation, Now).Failure);
    }

    [Fact]
    public void Constructor_ShortKey_Throws() =>
        Assert.Throws<ArgumentException>(() => new ActionTokens(new byte[16]));

    private static string Payload(string user, string nudge, string action, Instant expiry) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}\u001f{nudge}\u001f{action}\u001f{expiry.ToUnixTimeSeconds()}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
