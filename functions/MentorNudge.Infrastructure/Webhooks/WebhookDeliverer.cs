using System.Net;
using System.Net.Http.Headers;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Webhooks;

/// <summary>
/// POSTs one signed webhook. Decides, but does not perform, retries: the caller re-enqueues with the
/// returned delay, so a slow receiver never holds a worker. Only https is used; redirects are never
/// followed (the named client disables them); the named client connects only to public addresses
/// (<see cref="WebhookConnector"/>), and a refused target is reported as <c>refused: {reason}</c>.
/// </summary>
public sealed class WebhookDeliverer(IHttpClientFactory httpClients, IClock clock, ILogger<WebhookDeliverer> logger)
{
    /// <summary>Name of the <see cref="HttpClient"/> registered by <see cref="WebhookServiceCollectionExtensions.AddMentorNudgeWebhooks"/>.</summary>
    public const string HttpClientName = "mentornudge-webhooks";

    /// <summary>Attempts in all, including the first; then the delivery is recorded as failed.</summary>
    public const int MaxAttempts = 6;

    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <summary>Delivers <paramref name="message"/> to <paramref name="webhook"/>.</summary>
    public async Task<WebhookDeliveryResult> DeliverAsync(WebhookDeliveryMessage message, WebhookSettings webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(webhook);
        if (!webhook.Url.IsAbsoluteUri || webhook.Url.Scheme != Uri.UriSchemeHttps)
        {
            return new WebhookDeliveryResult(WebhookDeliveryOutcome.Failed, Error: "refused: not https");
        }

        var now = clock.GetCurrentInstant();
        var body = WebhookPayloads.Render(message, webhook.Format, now);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, webhook.Secret, now));
        request.Headers.TryAddWithoutValidation("MentorNudge-Delivery", message.DeliveryId);

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                logger.LogInformation("Delivered webhook {DeliveryId} for nudge {NudgeId} with {StatusCode}", message.DeliveryId, message.NudgeId, status);
                return new WebhookDeliveryResult(WebhookDeliveryOutcome.Delivered, status);
            }

            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return RetryOrFail(message, status, $"HTTP {status}", RetryAfter(response));
            }

            logger.LogWarning("Webhook {DeliveryId} rejected with {StatusCode}", message.DeliveryId, status);
            return new WebhookDeliveryResult(WebhookDeliveryOutcome.Failed, status, Error: $"HTTP {status}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RetryOrFail(message, null, "Timed out", null);
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookTargetRefusedException refused)
        {
            // Not a connection error: nothing was sent, and retrying would not change the answer.
            logger.LogWarning("Webhook {DeliveryId} refused: {Reason}", message.DeliveryId, refused.Reason);
            return new WebhookDeliveryResult(WebhookDeliveryOutcome.Failed, Error: "refused: " + refused.Reason);
        }
        catch (HttpRequestException ex)
        {
            return RetryOrFail(message, null, $"Connection failed ({ex.HttpRequestError})", null);
        }
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1: 30 s doubling, at most an hour.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Clamp(attempt, 0, 20))));

    private WebhookDeliveryResult RetryOrFail(WebhookDeliveryMessage message, int? status, string error, TimeSpan? retryAfter)
    {
        if (message.Attempt + 1 >= MaxAttempts)
        {
            logger.LogWarning("Webhook {DeliveryId} failed after {Attempts} attempts: {Error}", message.DeliveryId, message.Attempt + 1, error);
            return new WebhookDeliveryResult(WebhookDeliveryOutcome.Failed, status, Error: $"{error} after {message.Attempt + 1} attempts");
        }

        var delay = retryAfter is { } ra && ra > TimeSpan.Zero ? (ra < MaxDelay ? ra : MaxDelay) : Backoff(message.Attempt);
        logger.LogInformation("Webhook {DeliveryId} will be retried in {Delay}: {Error}", message.DeliveryId, delay, error);
        return new WebhookDeliveryResult(WebhookDeliveryOutcome.Retry, status, delay, error);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = Instant.FromDateTimeOffset(date) - clock.GetCurrentInstant();
            return wait > Duration.Zero ? wait.ToTimeSpan() : TimeSpan.Zero;
        }

        return null;
    }
}
