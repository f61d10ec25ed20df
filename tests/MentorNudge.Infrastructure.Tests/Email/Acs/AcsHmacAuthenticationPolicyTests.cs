using Azure.Core;
using Azure.Core.Pipeline;
using MentorNudge.Infrastructure.Email.Acs;
using MentorNudge.Testing.Acs;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Email.Acs;

public sealed class AcsHmacAuthenticationPolicyTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));
    private AcsTestServer _server = null!;

    public async Task InitializeAsync() => _server = await AcsTestServer.StartAsync(_clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private sealed class PipelineOptions : ClientOptions
    {
        public PipelineOptions() => Retry.MaxRetries = 0;
    }

    /// <summary>Rewrites the body after it was signed, as a tampering proxy would.</summary>
    private sealed class ReplaceBodyPolicy(byte[] body) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Content = RequestContent.Create(body);
    }

    private async Task<int> PostAsync(byte[] body, params HttpPipelinePolicy[] afterSigning)
    {
        var key = AcsConnectionString.Parse(_server.ConnectionString).AccessKey;
        var pipeline = HttpPipelineBuilder.Build(new PipelineOptions(), [], [new AcsHmacAuthenticationPolicy(key, _clock), .. afterSigning], new ResponseClassifier());
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(_server.Endpoint, "./emails:send?api-version=2025-09-01"));
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(body);
        await pipeline.SendAsync(message, CancellationToken.None);
        return message.Response.Status;
    }

    private static byte[] Body(string subject) => System.Text.Encoding.UTF8.GetBytes(
        $$$"""{"senderAddress":"a@example.com","recipients":{"to":[{"address":"b@example.com"}]},"content":{"subject":"{{{subject}}}"}}""");

    [Fact]
    public async Task Sign_UntouchedRequest_IsAccepted()
    {
        Assert.Equal(202, await PostAsync(Body("hello")));
        Assert.Equal(0, _server.Unauthorized);
    }

    [Fact]
    public async Task Sign_BodyChangedAfterSigning_IsRejectedWith401()
    {
        Assert.Equal(401, await PostAsync(Body("hello"), new ReplaceBodyPolicy(Body("HELLO"))));
        Assert.Equal(1, _server.Unauthorized);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task Sign_DateTwentyMinutesOld_IsRejectedWith401()
    {
        var key = AcsConnectionString.Parse(_server.ConnectionString).AccessKey;
        var oldClock = new FakeClock(_clock.GetCurrentInstant() - Duration.FromMinutes(20));
        var pipeline = HttpPipelineBuilder.Build(new PipelineOptions(), [], [new AcsHmacAuthenticationPolicy(key, oldClock)], new ResponseClassifier());
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(_server.Endpoint, "./emails:send?api-version=2025-09-01"));
        message.Request.Content = RequestContent.Create(Body("hello"));

        await pipeline.SendAsync(message, CancellationToken.None);

        Assert.Equal(401, message.Response.Status);
    }
}
