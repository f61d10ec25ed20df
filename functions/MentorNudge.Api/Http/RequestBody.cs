using System.Text.Json;
using MentorNudge.Api.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MentorNudge.Api.Http;

/// <summary>
/// Reads request bodies the same way in every host: at most <see cref="MaxBytes"/> (else 413),
/// the expected media type (else 415), well-formed JSON of the right types (else 400 naming the field).
/// </summary>
public static class RequestBody
{
    /// <summary>64 KB: far above any legitimate request.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads the raw body, enforcing the size limit whatever the host's own limit is.</summary>
    public static Task<(byte[]? Body, IResult? Error)> ReadBytesAsync(HttpRequest request, CancellationToken ct) =>
        ReadBytesAsync(request, MaxBytes, ct);

    /// <summary>Reads the raw body, at most <paramref name="maxBytes"/> (else 413).</summary>
    public static async Task<(byte[]? Body, IResult? Error)> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, ApiProblems.TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>, with any charset that is UTF-8.</summary>
    public static bool IsJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return false;
        }

        var charsetOk = mediaType.Charset.Length == 0 || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return charsetOk && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && mediaType.SubType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Reads and deserializes a JSON body.</summary>
    public static async Task<(T? Value, byte[]? Raw, IResult? Error)> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!IsJson(request))
        {
            return (null, null, ApiProblems.UnsupportedMediaType("application/json"));
        }

        var (body, error) = await ReadBytesAsync(request, ct);
        if (error is not null)
        {
            return (null, null, error);
        }

        var (value, parseError) = Parse<T>(body!);
        return (value, body, parseError);
    }

    /// <summary>Deserializes <paramref name="body"/>; a wrong type names the field, malformed JSON says so.</summary>
    public static (T? Value, IResult? Error) Parse<T>(byte[] body)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, ApiJson.Options);
            return value is null ? (null, ApiProblems.BadRequest("The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex) when (ex.Path is { Length: > 1 } path && !IsSyntaxError(ex))
        {
            return (null, ApiProblems.Field(FieldName(path), CleanMessage(ex)));
        }
        catch (JsonException)
        {
            return (null, ApiProblems.BadRequest("The body is not well-formed JSON of the expected shape."));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, ApiProblems.BadRequest("The body is not JSON of the expected shape."));
        }
    }

    // "$.weeklyDigest.time" → "weeklyDigest.time"; "$.emails[2]" → "emails[2]".
    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static bool IsSyntaxError(JsonException ex) => ex.InnerException?.GetType().Name == "JsonReaderException";

    // The serializer's own messages name .NET types; ours (from the converters) say what to send.
    private static string CleanMessage(JsonException ex) =>
        ex.Message.Contains("Path:", StringComparison.Ordinal) || ex.Message.Contains("System.", StringComparison.Ordinal)
            ? "Wrong type or invalid value for this field."
            : ex.Message;
}
