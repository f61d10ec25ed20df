using System.Net;
using System.Net.Sockets;
using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Email.Acs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MentorNudge.Testing.Acs;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Email.Acs;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));
    private AcsTestServer _server = null!;

    public async Task InitializeAsync() => _server = await AcsTestServer.StartAsync(_clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AcsEmailSender Sender(string? connectionString = null, IClock? clock = null, Action<AcsEmailOptions>? configure = null)
    {
        var options = new AcsEmailOptions
        {
            ConnectionString = connectionString ?? _server.ConnectionString,
            SenderAddress = "DoNotReply@mentornudge.example",
            ReplyToAddress = "help@mentornudge.example",
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 2,
        };
        configure?.Invoke(options);
        return new AcsEmailSender(Options.Create(options), clock ?? _clock, NullLogger<AcsEmailSender>.Instance);
    }

    [Fact]
    public async Task SendAsync_Accepted_ReturnsSentWithOperationIdDerivedFromKey()
    {
        var result = await Sender().SendAsync(TestEmails.Digest("nudge-42"));

        var expectedId = EmailMessageKeys.OperationId("nudge-42").ToString("D");
        Assert.Equal(EmailSendResult.Sent(expectedId), result);
        var received = Assert.Single(_server.Received);
        Assert.Equal(expectedId, received.OperationId);
        Assert.Equal("ada@example.com", received.To);
        Assert.Equal("Your weekly add-value digest", received.Subject);
        Assert.Equal("weeklyDigest", received.Header("X-MentorNudge-Kind"));
        Assert.Equal("nudge-42", received.Header("X-MentorNudge-Nudge-Id"));
        var json = received.Json;
        Assert.Equal("DoNotReply@mentornudge.example", json.GetProperty("senderAddress").GetString());
        Assert.Equal("Ada Lovelace", json.GetProperty("recipients").GetProperty("to")[0].GetProperty("displayName").GetString());
        Assert.Equal("Comment on Grace's talk.", json.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Contains("<b>Grace</b>", json.GetProperty("content").GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("help@mentornudge.example", json.GetProperty("replyTo")[0].GetProperty("address").GetString());
        Assert.True(json.GetProperty("userEngagementTrackingDisabled").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_SameMessageTwice_ServiceReceivesOneEmail()
    {
        var sender = Sender();

        var first = await sender.SendAsync(TestEmails.Digest("nudge-7"));
        var second = await sender.SendAsync(TestEmails.Digest("nudge-7"));

        Assert.Equal(EmailSendOutcome.Sent, first.Outcome);
        Assert.Equal(first, second);
        Assert.Equal(2, _server.SendRequests);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task SendAsync_WrongAccessKey_IsRejectedWith401AndNotSent()
    {
        var wrongKey = Convert.ToBase64String(new byte[32]);
        var result = await Sender($"endpoint={_server.Endpoint};accesskey={wrongKey}").SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, _server.Unauthorized);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task SendAsync_ClientClockTwentyMinutesBehind_IsRejectedAsStale()
    {
        var staleClock = new FakeClock(_clock.GetCurrentInstant() - Duration.FromMinutes(20));

        var result = await Sender(clock: staleClock).SendAsync(TestEmails.Digest());

        Assert.NotEqual(EmailSendOutcome.Sent, result.Outcome);
        Assert.Equal(1, _server.Unauthorized);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task SendAsync_ClientClockTenMinutesBehind_IsWithinToleranceAndSent()
    {
        var skewedClock = new FakeClock(_clock.GetCurrentInstant() - Duration.FromMinutes(10));

        var result = await Sender(clock: skewedClock).SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        Assert.Equal(0, _server.Unauthorized);
    }

    [Fact]
    public async Task SendAsync_Throttled_ReturnsRetryAfterFromHeaderWithoutRetrying()
    {
        _server.AnswerNextSendWith(429, retryAfter: "37");

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendResult.Throttled(TimeSpan.FromSeconds(37)), result);
        Assert.Equal(1, _server.SendRequests);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task SendAsync_ThrottledWithoutRetryAfter_UsesDefaultDelay()
    {
        _server.AnswerNextSendWith(429);

        var result = await Sender(configure: o => o.DefaultThrottleDelay = TimeSpan.FromSeconds(61)).SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendResult.Throttled(TimeSpan.FromSeconds(61)), result);
    }

    [Fact]
    public async Task SendAsync_OverServerQuota_IsThrottledUntilTheOldestSendLeavesTheWindow()
    {
        _server.QuotaPerMinute = 1;
        var sender = Sender();
        Assert.Equal(EmailSendOutcome.Sent, (await sender.SendAsync(TestEmails.Digest("a"))).Outcome);
        _clock.AdvanceSeconds(20);

        var result = await sender.SendAsync(TestEmails.Digest("b"));

        Assert.Equal(EmailSendResult.Throttled(TimeSpan.FromSeconds(40)), result);
        Assert.Equal(1, _server.QuotaRejections);
        _clock.AdvanceSeconds(40);
        Assert.Equal(EmailSendOutcome.Sent, (await sender.SendAsync(TestEmails.Digest("b"))).Outcome);
    }

    [Fact]
    public async Task SendAsync_BadRequest_IsPermanentWithServiceErrorCodeAndNotRetried()
    {
        _server.AnswerNextSendWith(400, errorCode: "InvalidSenderAddress");

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("InvalidSenderAddress", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, _server.SendRequests);
    }

    [Fact]
    public async Task SendAsync_OneServerErrorThenAccepted_IsRetriedAndSent()
    {
        _server.AnswerNextSendWith(500);

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        Assert.Equal(2, _server.SendRequests);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsBeyondRetries_IsTransientAfterMaxRetries()
    {
        _server.AnswerNextSendWith(503, errorCode: "ServiceUnavailable", times: 10);

        var result = await Sender(configure: o => o.MaxRetries = 2).SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
        Assert.Equal(3, _server.SendRequests);
    }

    [Fact]
    public async Task SendAsync_OperationFailed_IsPermanentWithErrorCode()
    {
        _server.OperationStatuses = ["Running", "Failed"];
        _server.FailureErrorCode = "EmailDropped";

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("EmailDropped", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, _server.PollRequests);
    }

    [Fact]
    public async Task SendAsync_OperationCanceled_IsPermanent()
    {
        _server.OperationStatuses = ["Canceled"];

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("Canceled", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NotStartedThenRunningThenSucceeded_PollsUntilTerminal()
    {
        _server.OperationStatuses = ["NotStarted", "Running", "Running", "Succeeded"];

        var result = await Sender().SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        Assert.Equal(4, _server.PollRequests);
    }

    [Fact]
    public async Task SendAsync_StillRunningAtPollTimeout_StopsPollingAndReportsAccepted()
    {
        _server.OperationStatuses = ["Running"];
        _server.PollRetryAfter = null;

        var result = await Sender(configure: o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.PollTimeout = TimeSpan.FromMilliseconds(100);
        }).SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        Assert.Equal(5, _server.PollRequests);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsTransient()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = await Sender($"endpoint=http://127.0.0.1:{port}/;accesskey={_server.AccessKey}").SendAsync(TestEmails.Digest());

        Assert.Equal(EmailSendOutcome.TransientFailure, result.Outcome);
    }
}
