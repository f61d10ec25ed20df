using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using MentorNudge.Core.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>
/// Sends through the Azure Communication Services Email REST API: <c>POST /emails:send</c> with an
/// Operation-Id derived from the message key (a repeated send is the same operation), then polls
/// the operation until it is terminal.
/// </summary>
public sealed class AcsEmailSender : IEmailSender
{
    /// <summary>The REST API version this client speaks.</summary>
    public const string ApiVersion = "2025-09-01";

    /// <summary>Token scope of the Communication Services data plane.</summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    private readonly AcsEmailOptions _options;
    private readonly IClock _clock;
    private readonly ILogger<AcsEmailSender> _logger;
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _senderAddress;

    /// <summary>Creates the sender; <paramref name="credential"/> is used when no connection string is configured.</summary>
    public AcsEmailSender(IOptions<AcsEmailOptions> options, IClock clock, ILogger<AcsEmailSender> logger, TokenCredential? credential = null)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _senderAddress = _options.SenderAddress ?? throw new InvalidOperationException("Email:Acs:SenderAddress is required when Email:Provider is acs.");

        HttpPipelinePolicy auth;
        if (!string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            var parsed = AcsConnectionString.Parse(_options.ConnectionString);
            _endpoint = parsed.Endpoint;
            auth = new AcsHmacAuthenticationPolicy(parsed.AccessKey, clock);
        }
        else
        {
            _endpoint = _options.Endpoint ?? throw new InvalidOperationException("Email:Acs:ConnectionString or Email:Acs:Endpoint is required when Email:Provider is acs.");
            auth = new BearerTokenAuthenticationPolicy(
                credential ?? throw new InvalidOperationException("A managed identity credential is required when Email:Acs:Endpoint is used without a connection string."),
                TokenScope);
        }

        _pipeline = HttpPipelineBuilder.Build(new AcsClientOptions(_options), [], [auth], new AcsResponseClassifier());
    }

    public string Name => "acs";

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var operationId = EmailMessageKeys.OperationId(message.MessageKey).ToString("D");

        using var send = _pipeline.CreateMessage();
        send.Request.Method = RequestMethod.Post;
        send.Request.Uri.Reset(_endpoint);
        send.Request.Uri.AppendPath("/emails:send", escape: false);
        send.Request.Uri.AppendQuery("api-version", ApiVersion);
        send.Request.Headers.SetValue("Operation-Id", operationId);
        send.Request.Headers.SetValue("Content-Type", "application/json");
        send.Request.Content = RequestContent.Create(AcsEmailRequestBody.Serialize(message, _senderAddress, _options.ReplyToAddress));

        if (await TrySendAsync(send, cancellationToken).ConfigureAwait(false) is { } transportError)
        {
            _logger.LogWarning("ACS send {OperationId} failed in transport after retries: {Error}", operationId, transportError);
            return EmailSendResult.Transient("transport: " + transportError);
        }

        var response = send.Response;
        switch (response.Status)
        {
            case 200 or 202:
                break;
            case 429:
            {
                var retryAfter = RetryAfterHeader.Read(response, _clock.GetCurrentInstant()) ?? _options.DefaultThrottleDelay;
                _logger.LogWarning("ACS throttled send {OperationId}; retry after {RetryAfter}", operationId, retryAfter);
                return EmailSendResult.Throttled(retryAfter);
            }

            case 408 or >= 500:
            {
                var (code, _) = AcsError.Read(response);
                _logger.LogWarning("ACS send {OperationId} failed with {Status} {ErrorCode} after retries", operationId, response.Status, code);
                return EmailSendResult.Transient($"HTTP {response.Status} {code}".TrimEnd(), RetryAfterHeader.Read(response, _clock.GetCurrentInstant()));
            }

            default:
            {
                var (code, text) = AcsError.Read(response);
                _logger.LogError("ACS rejected send {OperationId} with {Status} {ErrorCode}: {ErrorMessage}", operationId, response.Status, code, text);
                return EmailSendResult.Permanent(Describe(response.Status, code, text));
            }
        }

        var status = AcsOperationStatus.TryParse(response.Content.ToMemory().Span);
        if (status is { IsTerminal: true })
        {
            return Finish(operationId, status);
        }

        return await PollAsync(operationId, RetryAfterHeader.Read(response, _clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
    }

    private async Task<EmailSendResult> PollAsync(string operationId, TimeSpan? firstWait, CancellationToken cancellationToken)
    {
        // The budget counts the waits we choose, not wall time, so it is deterministic and bounded.
        var waited = TimeSpan.Zero;
        var wait = firstWait ?? _options.PollInterval;
        while (true)
        {
            var remaining = _options.PollTimeout - waited;
            if (remaining <= TimeSpan.Zero)
            {
                // The service accepted the email; the same Operation-Id on a retry would not send it again,
                // and a later failure arrives as a delivery report.
                _logger.LogWarning("ACS send {OperationId} still running after {PollTimeout}; treating as accepted", operationId, _options.PollTimeout);
                return EmailSendResult.Sent(operationId);
            }

            wait = wait < remaining ? wait : remaining;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            waited += wait;

            using var poll = _pipeline.CreateMessage();
            poll.Request.Method = RequestMethod.Get;
            poll.Request.Uri.Reset(_endpoint);
            poll.Request.Uri.AppendPath("/emails/operations/", escape: false);
            poll.Request.Uri.AppendPath(operationId, escape: true);
            poll.Request.Uri.AppendQuery("api-version", ApiVersion);

            if (await TrySendAsync(poll, cancellationToken).ConfigureAwait(false) is { } transportError)
            {
                _logger.LogWarning("ACS status poll {OperationId} failed in transport: {Error}; treating as accepted", operationId, transportError);
                return EmailSendResult.Sent(operationId);
            }

            var response = poll.Response;
            var retryAfter = RetryAfterHeader.Read(response, _clock.GetCurrentInstant());
            if (response.Status == 429)
            {
                wait = retryAfter ?? _options.PollInterval;
                continue;
            }

            if (response.Status != 200)
            {
                var (code, _) = AcsError.Read(response);
                _logger.LogWarning("ACS status poll {OperationId} answered {Status} {ErrorCode}; treating as accepted", operationId, response.Status, code);
                return EmailSendResult.Sent(operationId);
            }

            var status = AcsOperationStatus.TryParse(response.Content.ToMemory().Span);
            if (status is { IsTerminal: true })
            {
                return Finish(operationId, status);
            }

            wait = retryAfter ?? _options.PollInterval;
        }
    }

    private EmailSendResult Finish(string operationId, AcsOperationStatus status)
    {
        if (status.IsSucceeded)
        {
            _logger.LogInformation("ACS accepted email {OperationId}", operationId);
            return EmailSendResult.Sent(operationId);
        }

        _logger.LogError("ACS send {OperationId} ended {Status} with {ErrorCode}: {ErrorMessage}", operationId, status.Status, status.ErrorCode, status.ErrorMessage);
        return EmailSendResult.Permanent(Describe(status.Status, status.ErrorCode, status.ErrorMessage));
    }

    private async Task<string?> TrySendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException ex)
        {
            return ex.InnerException?.GetType().Name ?? ex.GetType().Name;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Azure.Core reports a network timeout as a cancellation that the caller did not ask for.
            return ex.GetType().Name;
        }
        catch (HttpRequestException ex)
        {
            return ex.GetType().Name;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is RequestFailedException or HttpRequestException or OperationCanceledException))
        {
            // Azure.Core gathers the transport error of every attempt once retries are exhausted.
            var last = ex.InnerExceptions[^1];
            return "retries exhausted: " + (last.InnerException?.GetType().Name ?? last.GetType().Name);
        }
    }

    private static string Describe(object status, string? code, string? text) =>
        string.Join(": ", new[] { $"{status} {code}".Trim(), text }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
