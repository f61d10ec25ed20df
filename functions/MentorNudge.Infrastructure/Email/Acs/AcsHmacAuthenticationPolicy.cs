using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using NodaTime;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>
/// Signs each request with the ACS access key (HMAC-SHA256 over method, path and query, date,
/// host and content hash). Runs per retry, so every attempt carries a fresh <c>x-ms-date</c>.
/// </summary>
public sealed class AcsHmacAuthenticationPolicy : HttpPipelinePolicy
{
    private readonly byte[] _key;
    private readonly IClock _clock;

    public AcsHmacAuthenticationPolicy(ReadOnlyMemory<byte> accessKey, IClock clock)
    {
        _key = accessKey.ToArray();
        _clock = clock;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Sign(message, ContentHash(message.Request, message.CancellationToken));
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Sign(message, await ContentHashAsync(message.Request, message.CancellationToken).ConfigureAwait(false));
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    private void Sign(HttpMessage message, string contentHash)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        var date = _clock.GetCurrentInstant().ToDateTimeOffset().ToString("R", CultureInfo.InvariantCulture);
        var stringToSign = string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Method.Method.ToUpperInvariant()}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}");
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature);
    }

    private static string ContentHash(Request request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        request.Content?.WriteTo(buffer, cancellationToken);
        return Convert.ToBase64String(SHA256.HashData(buffer.ToArray()));
    }

    private static async Task<string> ContentHashAsync(Request request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (request.Content is not null)
        {
            await request.Content.WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        return Convert.ToBase64String(SHA256.HashData(buffer.ToArray()));
    }
}
