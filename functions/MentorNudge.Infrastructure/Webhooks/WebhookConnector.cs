using System.Net;
using System.Net.Sockets;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// The connect step of the webhook client (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves
/// the host itself, refuses non-public addresses unless allowed, and connects to exactly the address it
/// checked, so DNS rebinding between check and connect is impossible.
/// </summary>
public sealed class WebhookConnector(WebhookOptions options)
{
    /// <summary>Opens the connection or throws <see cref="WebhookTargetRefusedException"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        var allowed = new List<IPAddress>();
        string? refusal = null;
        foreach (var address in addresses)
        {
            var reason = options.AllowPrivateNetworks ? null : WebhookAddressPolicy.RefusalReason(address);
            if (reason is null)
            {
                allowed.Add(address);
            }
            else
            {
                refusal ??= reason;
            }
        }

        if (refusal is not null)
        {
            // One non-public answer is enough to refuse: a name that mixes public and private
            // addresses is how rebinding attacks pick the private one.
            throw new WebhookTargetRefusedException(refusal);
        }

        if (allowed.Count == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
