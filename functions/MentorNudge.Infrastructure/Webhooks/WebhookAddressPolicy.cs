using System.Net;
using System.Net.Sockets;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// Which IP addresses a webhook may connect to: public unicast only, unless private networks are
/// allowed. Checked on the addresses the host name resolves to at connect time, so neither a
/// private IP literal nor a name that resolves (or is re-bound) to one gets through.
/// </summary>
public static class WebhookAddressPolicy
{
    /// <summary>Why <paramref name="address"/> is refused (e.g. <c>private network</c>); null when it is a public address.</summary>
    public static string? RefusalReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4Reason(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IPv6Reason(address),
            _ => "unsupported address family",
        };
    }

    private static string? IPv4Reason(byte[] b) => b switch
    {
        [0, ..] => "unspecified address",
        [127, ..] => "loopback",
        [10, ..] => "private network",
        [172, >= 16 and <= 31, ..] => "private network",
        [192, 168, ..] => "private network",
        [169, 254, ..] => "link-local",
        [100, >= 64 and <= 127, ..] => "shared address space (CGNAT)",
        [192, 0, 0, _] => "reserved",
        [198, 18 or 19, ..] => "reserved",
        [>= 224 and <= 239, ..] => "multicast",
        [255, 255, 255, 255] => "broadcast",
        [>= 240, ..] => "reserved",
        _ => null,
    };

    private static string? IPv6Reason(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified address";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        var b = address.GetAddressBytes();
        return b switch
        {
            [0xfe, >= 0x80 and <= 0xbf, ..] => "link-local",
            [0xfe, >= 0xc0, ..] => "site-local",
            [>= 0xfc and <= 0xfd, ..] => "private network",
            [0xff, ..] => "multicast",

            // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address: judge that one.
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ..] => IPv4Reason(b[12..]),
            [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..] => IPv4Reason(b[12..]),
            [0x20, 0x02, ..] => IPv4Reason(b[2..6]),
            _ => null,
        };
    }
}
