using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MentorNudge.Infrastructure.Webhooks;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Capture;

/// <summary>Raw messages as an inbound relay posts them to the capture hook: the BCC'd capture address only in <c>Delivered-To</c>.</summary>
public static class CaptureMessage
{
    public static byte[] Raw(string capture, string from, string to, string messageId, Instant date, string text, string subject = "Quick question") =>
        Encoding.UTF8.GetBytes(
            $"Delivered-To: {capture}\r\n" +
            $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\n" +
            $"Date: {date.ToDateTimeOffset().ToString("ddd, d MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n" +
            $"Message-ID: {messageId}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n");

    /// <summary>A POST of <paramref name="raw"/> to the capture hook at <paramref name="path"/>, signed with <paramref name="secret"/> at <paramref name="signedAt"/>.</summary>
    public static HttpRequestMessage SignedPost(string path, byte[] raw, string secret, Instant signedAt, string contentType = "message/rfc822")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(raw, secret, signedAt));
        return request;
    }
}
