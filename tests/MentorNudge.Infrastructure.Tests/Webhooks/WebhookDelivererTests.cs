using System.Net;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Webhooks;

public sealed class WebhookDelivererTests
{
    private const string Secret = "whsec_test_secret_0123456789";
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 9, 0);

    private static readonly WebhookDeliveryMessage Message = new("wh-n1", "u1", "n1", "followUp", "p1", "Ada", Now, "Title", "Text");

    private static (WebhookDeliverer Deliverer, ReceiverHandler Receiver) Create(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var receiver = new ReceiverHandler(answer);
        return (new WebhookDeliverer(new SingleClientFactory(receiver), new FakeClock(Now), NullLogger<WebhookDeliverer>.Instance), receiver);
    }

    private static WebhookSettings Hook(string url = "https://hooks.example.test/in", WebhookFormat format = WebhookFormat.Generic) => new(new Uri(url), format, Secret);

    [Fact]
    public async Task DeliverAsync_ReceiverAccepts_DeliveredWithVerifiableSignature()
    {
        var (deliverer, receiver) = Create(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var result = await deliverer.DeliverAsync(Message, Hook());

        Assert.Equal(WebhookDeliveryOutcome.Delivered, result.Outcome);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(request.Signature, request.Body, Secret, Now));
        Assert.Equal("application/json", request.ContentType);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task DeliverAsync_TransientStatus_RetryWithBackoff(HttpStatusCode status)
    {
        var (deliverer, _) = Create(_ => new HttpResponseMessage(status));

        var result = await deliverer.DeliverAsync(Message with { Attempt = 2 }, Hook());

        Assert.Equal(WebhookDeliveryOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_TooManyRequestsWithRetryAfter_UsesServerDelay()
    {
        var (deliverer, _) = Create(_ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42));
            return r;
        });

        var result = await deliverer.DeliverAsync(Message, Hook());

        Assert.Equal(WebhookDeliveryOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(42), result.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_Timeout_Retry()
    {
        var (deliverer, _) = Create(_ => throw new TaskCanceledException("timed out"));

        var result = await deliverer.DeliverAsync(Message, Hook());

        Assert.Equal(WebhookDeliveryOutcome.Retry, result.Outcome);
    }

    [Fact]
    public async Task DeliverAsync_LastAttemptFails_FailedForGood()
    {
        var (deliverer, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var result = await deliverer.DeliverAsync(Message with { Attempt = WebhookDeliverer.MaxAttempts - 1 }, Hook());

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Redirect)]
    public async Task DeliverAsync_ClientErrorOrRedirect_FailedWithoutRetry(HttpStatusCode status)
    {
        var (deliverer, _) = Create(_ => new HttpResponseMessage(status));

        var result = await deliverer.DeliverAsync(Message, Hook());

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task DeliverAsync_NonHttpScheme_FailedWithoutSending()
    {
        var (deliverer, receiver) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK));

        var result = await deliverer.DeliverAsync(Message, Hook("ftp://files.example.test/in"));

        Assert.Equal(WebhookDeliveryOutcome.Failed, result.Outcome);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 60)]
    [InlineData(5, 960)]
    [InlineData(10, 3600)]
    public void Backoff_Attempt_DoublesUpToAnHour(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookDeliverer.Backoff(attempt));

    private sealed record Received(string? Signature, byte[] Body, string? ContentType);

    private sealed class ReceiverHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Received> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Requests.Add(new Received(
                request.Headers.TryGetValues(WebhookSignature.HeaderName, out var v) ? v.Single() : null,
                body,
                request.Content.Headers.ContentType?.MediaType));
            return answer(request);
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
