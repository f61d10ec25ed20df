using System.Text;
using MentorNudge.Infrastructure.Webhooks;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_0123456789abcdef0123";
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"evt-1\"}");

    [Fact]
    public void Sign_KnownInput_MatchesIndependentHmac()
    {
        var header = WebhookSignature.Sign(Body, Secret, Now);

        var t = Now.ToUnixTimeSeconds();
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{t}.{{\"id\":\"evt-1\"}}")));
        Assert.Equal($"t={t},v1={expected}", header);
    }

    [Fact]
    public void Verify_FreshValidSignature_Valid() =>
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(WebhookSignature.Sign(Body, Secret, Now), Body, Secret, Now + Duration.FromMinutes(4)));

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void Verify_TimestampMoreThanFiveMinutesOff_Stale(int minutes) =>
        Assert.Equal(WebhookSignatureResult.Stale, WebhookSignature.Verify(WebhookSignature.Sign(Body, Secret, Now), Body, Secret, Now + Duration.FromMinutes(minutes)));

    [Fact]
    public void Verify_BodyChanged_BadSignature() =>
        Assert.Equal(WebhookSignatureResult.BadSignature, WebhookSignature.Verify(WebhookSignature.Sign(Body, Secret, Now), Encoding.UTF8.GetBytes("{\"id\":\"evt-2\"}"), Secret, Now));

    [Fact]
    public void Verify_OtherSecret_BadSignature() =>
        Assert.Equal(WebhookSignatureResult.BadSignature, WebhookSignature.Verify(WebhookSignature.Sign(Body, "another-secret-of-length", Now), Body, Secret, Now));

    [Fact]
    public void Verify_OneOfSeveralSignaturesMatches_Valid()
    {
        var good = WebhookSignature.Sign(Body, Secret, Now);
        var other = WebhookSignature.Sign(Body, "another-secret-of-length", Now).Split(',')[1];
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify($"{good},{other}", Body, Secret, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Verify_NoHeader_Missing(string? header) =>
        Assert.Equal(WebhookSignatureResult.Missing, WebhookSignature.Verify(header, Body, Secret, Now));

    [Theory]
    [InlineData("v1=abc")]
    [InlineData("t=1,v1=zz")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1764072000")]
    [InlineData("garbage")]
    [InlineData("t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_MalformedHeader_Rejected(string header) =>
        Assert.NotEqual(WebhookSignatureResult.Valid, WebhookSignature.Verify(header, Body, Secret, Now));
}
