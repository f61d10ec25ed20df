using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Email.Acs;

namespace MentorNudge.Infrastructure.Tests.Email;

public sealed class EmailMessageKeysTests
{
    [Fact]
    public void OperationId_SameKey_SameGuidAndVersion8()
    {
        var a = EmailMessageKeys.OperationId("nudge-1");

        Assert.Equal(a, EmailMessageKeys.OperationId("nudge-1"));
        Assert.NotEqual(a, EmailMessageKeys.OperationId("nudge-2"));
        var text = a.ToString("D");
        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void MessageId_ContainsNoKeyText()
    {
        var id = EmailMessageKeys.MessageId("ask:alice@example.com");

        Assert.EndsWith("@mentornudge", id, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("endpoint=https://x.communication.azure.com/", "accesskey")]
    [InlineData("accesskey=AAAA", "endpoint")]
    [InlineData("endpoint=https://x.communication.azure.com/;accesskey=%%%", "base64")]
    public void AcsConnectionString_Invalid_SaysWhatIsMissingWithoutTheKey(string value, string expected)
    {
        Assert.False(AcsConnectionString.TryParse(value, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("%%%", error, StringComparison.Ordinal);
    }
}
