using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Email.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using NodaTime.Testing;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MentorNudge.Infrastructure.Tests.Email.Smtp;

public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));
    private readonly RecordingStore _store = new();
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer _server = null!;
    private Task _running = Task.CompletedTask;
    private int _port;

    /// <summary>Keeps every message that arrives, or answers with a scripted reply.</summary>
    private sealed class RecordingStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public SmtpResponse? Answer { get; set; }

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Answer is { } answer)
            {
                return Task.FromResult(answer);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async Task InitializeAsync()
    {
        _port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, _port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        await Task.Delay(50);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private SmtpEmailSender Sender(int? port = null, TimeSpan? timeout = null) => new(
        Options.Create(new SmtpEmailOptions
        {
            Host = "127.0.0.1",
            Port = port ?? _port,
            Security = SmtpSecurityMode.None,
            SenderAddress = "nudges@mentornudge.example",
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        }),
        _clock,
        NullLogger<SmtpEmailSender>.Instance);

    [Fact]
    public async Task SendAsync_Accepted_DeliversMultipartAlternativeWithOurHeadersAndMessageId()
    {
        var result = await Sender().SendAsync(TestEmails.Digest("nudge-9"));

        var expectedId = EmailMessageKeys.MessageId("nudge-9");
        Assert.Equal(EmailSendResult.Sent(expectedId), result);
        var mime = Assert.Single(_store.Messages);
        Assert.Equal(expectedId, mime.MessageId);
        Assert.Equal("Your weekly add-value digest", mime.Subject);
        Assert.Equal("nudges@mentornudge.example", mime.From.Mailboxes.Single().Address);
        Assert.Equal("ada@example.com", mime.To.Mailboxes.Single().Address);
        Assert.Equal("Ada Lovelace", mime.To.Mailboxes.Single().Name);
        Assert.Equal("weeklyDigest", mime.Headers["X-MentorNudge-Kind"]);
        Assert.Equal("nudge-9", mime.Headers["X-MentorNudge-Nudge-Id"]);
        Assert.Equal(_clock.GetCurrentInstant().ToDateTimeOffset(), mime.Date);
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(2, alternative.Count);
        var text = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(text.IsPlain);
        Assert.True(html.IsHtml);
        Assert.Equal("Comment on Grace's talk.", text.Text.TrimEnd());
        Assert.Contains("<b>Grace</b>", html.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Server4xxReply_IsTransient()
    {
        _store.Answer = new SmtpResponse(SmtpReplyCode.InsufficientStorage, "try later");

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Contains("452", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Server5xxReply_IsPermanent()
    {
        _store.Answer = new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such user");

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("550", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CancelledWhileQuitting_CountsAsSent()
    {
        using var cancel = new CancellationTokenSource();
        await using var proxy = QuitHoldingProxy.Start(_port, onQuit: cancel.Cancel);

        var result = await Sender(proxy.Port, TimeSpan.FromSeconds(2)).SendAsync(TestEmails.Digest("nudge-quit"), cancel.Token);

        Assert.True(proxy.QuitSeen, "the client never reached QUIT");
        Assert.Equal(EmailSendResult.Sent(EmailMessageKeys.MessageId("nudge-quit")), result);
        Assert.Single(_store.Messages);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsTransient()
    {
        var result = await Sender(FreePort()).SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Empty(_store.Messages);
    }

    /// <summary>
    /// Sits between the client and the server; when the client sends QUIT (the message was accepted
    /// before), it holds the command and calls <c>onQuit</c>: an error after DATA, deterministically.
    /// </summary>
    private sealed class QuitHoldingProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public bool QuitSeen { get; private set; }

        public static QuitHoldingProxy Start(int serverPort, Action onQuit)
        {
            var proxy = new QuitHoldingProxy();
            proxy._listener.Start();
            proxy._running = proxy.RunAsync(serverPort, onQuit);
            return proxy;
        }

        private async Task RunAsync(int serverPort, Action onQuit)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, serverPort, _stop.Token);
            var toClient = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            var fromClient = client.GetStream();
            var buffer = new byte[8192];
            var seen = new System.Text.StringBuilder();
            while (await fromClient.ReadAsync(buffer, _stop.Token) is var n and > 0)
            {
                seen.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, n));
                if (seen.ToString().Contains("\r\nQUIT\r\n", StringComparison.Ordinal))
                {
                    QuitSeen = true;
                    onQuit();
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                await server.GetStream().WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }

            await toClient;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _running;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }

            _stop.Dispose();
        }
    }
}
