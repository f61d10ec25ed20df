using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

// Longer than ~300 lines on purpose: one stand-in service whose parts (signature check, Operation-Id
// de-duplication, quotas, scripted answers, operation status) share one state and one contract.
namespace MentorNudge.Testing.Acs;

/// <summary>
/// An in-process stand-in for the ACS Email data plane on 127.0.0.1 (Kestrel): <c>POST /emails:send</c>
/// and <c>GET /emails/operations/{id}</c>. It checks the HMAC-SHA256 signature the way the service
/// does (content hash, x-ms-date freshness, signature over method, path+query, date, host, hash) and
/// answers 401 when any part is off; it de-duplicates by Operation-Id, can enforce a per-minute and
/// per-hour quota with 429s, and can be told to answer 202/429/400/500 and any operation status.
/// Time comes from the given clock, so a fake clock drives freshness and quota alike.
/// </summary>
public sealed class AcsTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IClock _clock;
    private readonly byte[] _key;
    private readonly object _gate = new();
    private readonly List<AcsReceivedEmail> _received = [];
    private readonly List<Instant> _acceptedAt = [];
    private readonly Dictionary<string, Queue<string>> _operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string? ErrorCode)> _scriptedSendAnswers = new();
    private int _sendRequests;
    private int _pollRequests;
    private int _unauthorized;
    private int _throttled;

    private AcsTestServer(WebApplication app, IClock clock, byte[] key, Uri endpoint)
    {
        _app = app;
        _clock = clock;
        _key = key;
        Endpoint = endpoint;
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The access key in base64, as a connection string carries it.</summary>
    public string AccessKey => Convert.ToBase64String(_key);

    /// <summary>A connection string for this server.</summary>
    public string ConnectionString => $"endpoint={Endpoint};accesskey={AccessKey}";

    /// <summary>How far x-ms-date may be from the server's clock.</summary>
    public Duration DateTolerance { get; set; } = Duration.FromMinutes(15);

    /// <summary>Quota enforced on new sends (null: none). Exceeding it answers 429 with Retry-After.</summary>
    public int? QuotaPerMinute { get; set; }

    public int? QuotaPerHour { get; set; }

    /// <summary>Statuses a new operation goes through on successive polls; the last one sticks.</summary>
    public IReadOnlyList<string> OperationStatuses { get; set; } = ["Succeeded"];

    /// <summary>Error code reported with a Failed or Canceled status.</summary>
    public string FailureErrorCode { get; set; } = "EmailDropped";

    /// <summary><c>retry-after</c> (seconds) sent with a non-terminal status; null sends none.</summary>
    public string? PollRetryAfter { get; set; } = "0";

    public int SendRequests => Volatile.Read(ref _sendRequests);

    public int PollRequests => Volatile.Read(ref _pollRequests);

    /// <summary>Requests rejected with 401.</summary>
    public int Unauthorized => Volatile.Read(ref _unauthorized);

    /// <summary>Sends rejected with 429 because the quota was exceeded (scripted 429s not counted).</summary>
    public int QuotaRejections => Volatile.Read(ref _throttled);

    /// <summary>Emails accepted, one per distinct Operation-Id.</summary>
    public IReadOnlyList<AcsReceivedEmail> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>Starts the server on a free loopback port; <paramref name="accessKey"/> defaults to a random key.</summary>
    public static async Task<AcsTestServer> StartAsync(IClock clock, byte[]? accessKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        AcsTestServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new AcsTestServer(app, clock, accessKey ?? RandomNumberGenerator.GetBytes(32), new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>The next sends are answered with <paramref name="status"/> (e.g. 429, 400, 500, 503) instead of being accepted.</summary>
    public void AnswerNextSendWith(int status, string? retryAfter = null, string? errorCode = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _scriptedSendAnswers.Enqueue((status, retryAfter, errorCode));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var bodyBuffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(bodyBuffer);
        var body = bodyBuffer.ToArray();
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;

        if (!IsSignatureValid(context.Request, rawTarget, body, out var why))
        {
            Interlocked.Increment(ref _unauthorized);
            await WriteErrorAsync(context, 401, "Denied", why);
            return;
        }

        var path = context.Request.Path.Value ?? "";
        if (context.Request.Query["api-version"] != "2025-09-01")
        {
            await WriteErrorAsync(context, 400, "InvalidApiVersion", "Unsupported api-version.");
        }
        else if (HttpMethods.IsPost(context.Request.Method) && path == "/emails:send")
        {
            await SendAsync(context, body);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith("/emails/operations/", StringComparison.Ordinal))
        {
            await PollAsync(context, path["/emails/operations/".Length..]);
        }
        else
        {
            await WriteErrorAsync(context, 404, "NotFound", "No such route.");
        }
    }

    private async Task SendAsync(HttpContext context, byte[] body)
    {
        Interlocked.Increment(ref _sendRequests);
        if (_scriptedSendAnswers.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = scripted.RetryAfter;
            }

            await WriteErrorAsync(context, scripted.Status, scripted.ErrorCode ?? "Scripted", "Scripted answer.");
            return;
        }

        if (!IsValidMessage(body, out var invalid))
        {
            await WriteErrorAsync(context, 400, "InvalidRequest", invalid);
            return;
        }

        var operationId = context.Request.Headers["Operation-Id"].ToString();
        if (string.IsNullOrEmpty(operationId))
        {
            operationId = Guid.NewGuid().ToString("D");
        }
        else if (!Guid.TryParse(operationId, out _))
        {
            await WriteErrorAsync(context, 400, "InvalidOperationId", "Operation-Id must be a UUID.");
            return;
        }

        string status;
        lock (_gate)
        {
            if (!_operations.ContainsKey(operationId))
            {
                var now = _clock.GetCurrentInstant();
                if (QuotaRetryAfter(now) is { } wait)
                {
                    Interlocked.Increment(ref _throttled);
                    context.Response.Headers["Retry-After"] = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    status = "";
                }
                else
                {
                    _acceptedAt.Add(now);
                    _operations[operationId] = new Queue<string>(OperationStatuses);
                    _received.Add(new AcsReceivedEmail(operationId, Encoding.UTF8.GetString(body), now));
                    status = "Running";
                }
            }
            else
            {
                // Same Operation-Id: the same operation, no second email.
                status = "Running";
            }
        }

        if (status.Length == 0)
        {
            await WriteErrorAsync(context, 429, "TooManyRequests", "Quota exceeded.");
            return;
        }

        context.Response.StatusCode = 202;
        context.Response.Headers["Operation-Location"] = new Uri(Endpoint, $"emails/operations/{operationId}?api-version=2025-09-01").ToString();
        if (PollRetryAfter is not null)
        {
            context.Response.Headers["retry-after"] = PollRetryAfter;
        }

        await context.Response.WriteAsJsonAsync(new { id = operationId, status });
    }

    private async Task PollAsync(HttpContext context, string operationId)
    {
        Interlocked.Increment(ref _pollRequests);
        string status;
        lock (_gate)
        {
            if (!_operations.TryGetValue(operationId, out var statuses))
            {
                status = "";
            }
            else
            {
                status = statuses.Count > 1 ? statuses.Dequeue() : statuses.Peek();
            }
        }

        if (status.Length == 0)
        {
            await WriteErrorAsync(context, 404, "NotFound", "Unknown operation.");
            return;
        }

        var failed = status is "Failed" or "Canceled";
        if (!failed && status != "Succeeded" && PollRetryAfter is not null)
        {
            context.Response.Headers["retry-after"] = PollRetryAfter;
        }

        await context.Response.WriteAsJsonAsync(failed
            ? new { id = operationId, status, error = (object?)new { code = FailureErrorCode, message = "The email could not be sent." } }
            : new { id = operationId, status, error = (object?)null });
    }

    private TimeSpan? QuotaRetryAfter(Instant now)
    {
        TimeSpan? wait = null;
        foreach (var (limit, window) in new[] { (QuotaPerMinute, Duration.FromMinutes(1)), (QuotaPerHour, Duration.FromHours(1)) })
        {
            if (limit is not { } max)
            {
                continue;
            }

            var counting = _acceptedAt.Where(a => a > now - window).Order().ToList();
            if (counting.Count >= max)
            {
                var free = (counting[counting.Count - max] + window - now).ToTimeSpan();
                wait = wait is { } w && w > free ? w : free;
            }
        }

        return wait;
    }

    private bool IsSignatureValid(HttpRequest request, string rawTarget, byte[] body, out string why)
    {
        const string prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        var authorization = request.Headers.Authorization.ToString();
        var date = request.Headers["x-ms-date"].ToString();
        var contentHash = request.Headers["x-ms-content-sha256"].ToString();
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            why = "Authorization is not HMAC-SHA256 over x-ms-date;host;x-ms-content-sha256.";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(date, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            why = "x-ms-date is missing or not RFC 1123.";
            return false;
        }

        var skew = Instant.FromDateTimeOffset(sentAt) - _clock.GetCurrentInstant();
        if (Duration.Max(skew, -skew) > DateTolerance)
        {
            why = "x-ms-date is too far from the server's time.";
            return false;
        }

        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            why = "x-ms-content-sha256 does not match the body.";
            return false;
        }

        var stringToSign = $"{request.Method.ToUpperInvariant()}\n{rawTarget}\n{date};{request.Host.Value};{contentHash}";
        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(authorization[prefix.Length..]);
        }
        catch (FormatException)
        {
            why = "Signature is not base64.";
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            why = "Signature does not match.";
            return false;
        }

        why = "";
        return true;
    }

    private static bool IsValidMessage(byte[] body, out string why)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (!root.TryGetProperty("senderAddress", out var sender) || sender.GetString() is not { Length: > 0 })
            {
                why = "senderAddress is required.";
                return false;
            }

            if (!root.TryGetProperty("recipients", out var recipients) || !recipients.TryGetProperty("to", out var to) || to.GetArrayLength() == 0
                || to.EnumerateArray().Any(a => !a.TryGetProperty("address", out var address) || address.GetString() is not { Length: > 0 }))
            {
                why = "recipients.to with addresses is required.";
                return false;
            }

            if (!root.TryGetProperty("content", out var content) || !content.TryGetProperty("subject", out _))
            {
                why = "content.subject is required.";
                return false;
            }

            why = "";
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            why = "The body is not a valid EmailMessage.";
            return false;
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-ms-error-code"] = code;
        await context.Response.WriteAsJsonAsync(new { error = new { code, message } });
    }
}
