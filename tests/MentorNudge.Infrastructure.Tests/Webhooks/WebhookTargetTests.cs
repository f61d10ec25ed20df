using System.Net;
using System.Net.Sockets;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Webhooks;

/// <summary>The registered webhook client against a real loopback listener: SSRF targets are refused at connect time.</summary>
public sealed class WebhookTargetTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 9, 0);
    private static readonly WebhookDeliveryMessage Message = new("wh-n1", "u1", "n1", "followUp", "p1", "Ada", Now, "Title", "Text");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public WebhookTargetTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private static WebhookDeliverer Deliverer(bool allowPrivate)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MentorNudge:Webhooks:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IClock>(new FakeClock(Now));
        services.AddMentorNudgeWebhooks(config);
        return services.BuildServiceProvider().GetRequiredService<WebhookDeliverer>();
    }

    private static WebhookSettings Hook(string url) => new(new Uri(url), WebhookFormat.Generic, "whsec_test_secret_0123456789");

    [Theory]
    [InlineData("https://127.0.0.1:{0}/in", "refused: loopback")]
    [InlineData("https://localhost:{0}/in", "refused: loopback")]
    [InlineData("https://[::1]:{0}/in", "refused: loopback")]
    [InlineData("https://[::ffff:127.0.0.1]:{0}/in", "refused: loopback")]
    public async Task DeliverAsync_LoopbackTarget_RefusedWithoutConnecting(string url, string error)
    {
        var result = await Deliverer(allowPrivate: false).DeliverAsync(Message, Hook(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Port)));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(error, result.Error);
        Assert.False(_listener.Pending(), "Nothing may connect to a refused target.");
    }

    [Fact]
    public async Task DeliverAsync_MetadataEndpoint_RefusedAsLinkLocal()
    {
        var result = await Deliverer(allowPrivate: false).DeliverAsync(Message, Hook("https://169.254.169.254/latest/meta-data/"));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Equal("refused: link-local", result.Error);
    }

    [Fact]
    public async Task DeliverAsync_PlainHttp_RefusedWithoutConnecting()
    {
        var result = await Deliverer(allowPrivate: true).DeliverAsync(Message, Hook($"http://127.0.0.1:{Port}/in"));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Equal("refused: not https", result.Error);
        Assert.False(_listener.Pending());
    }

    [Fact]
    public async Task DeliverAsync_PrivateNetworksAllowed_Connects()
    {
        var accepted = _listener.AcceptTcpClientAsync();

        // The listener speaks no TLS: the attempt fails after connecting, which is what is checked.
        var result = await Deliverer(allowPrivate: true).DeliverAsync(Message, Hook($"https://127.0.0.1:{Port}/in"));
        using var client = await accepted.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotEqual(WebhookDeliveryOutcome.Delivered, result.Outcome);
        Assert.DoesNotContain("refused", result.Error ?? "", StringComparison.Ordinal);
    }

    public void Dispose() => _listener.Stop();
}
