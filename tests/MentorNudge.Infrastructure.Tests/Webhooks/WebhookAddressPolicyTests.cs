using System.Net;
using MentorNudge.Infrastructure.Webhooks;

namespace MentorNudge.Infrastructure.Tests.Webhooks;

public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private network")]
    [InlineData("172.16.0.1", "private network")]
    [InlineData("172.31.255.255", "private network")]
    [InlineData("192.168.1.1", "private network")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "shared address space (CGNAT)")]
    [InlineData("100.127.255.254", "shared address space (CGNAT)")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("0.0.0.0", "unspecified address")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::", "unspecified address")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "private network")]
    [InlineData("fd12:3456::1", "private network")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:10.0.0.1", "private network")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:c0a8:0101::1", "private network")]
    public void RefusalReason_NonPublicAddress_Named(string address, string reason) =>
        Assert.Equal(reason, WebhookAddressPolicy.RefusalReason(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700::6810:85e5")]
    [InlineData("::ffff:8.8.8.8")]
    public void RefusalReason_PublicAddress_Null(string address) =>
        Assert.Null(WebhookAddressPolicy.RefusalReason(IPAddress.Parse(address)));
}
