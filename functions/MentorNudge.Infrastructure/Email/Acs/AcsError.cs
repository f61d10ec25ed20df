using System.Text.Json;
using Azure;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>Reads the service's error code and message from an error response.</summary>
internal static class AcsError
{
    private const int MaxMessageLength = 300;

    public static (string? Code, string? Message) Read(JsonElement error)
    {
        string? code = null, message = null;
        foreach (var property in error.EnumerateObject())
        {
            if (property.Name.Equals("code", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                code = property.Value.GetString();
            }
            else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                message = Truncate(property.Value.GetString());
            }
        }

        return (code, message);
    }

    /// <summary>The error of an <c>ErrorResponse</c> body, falling back to the <c>x-ms-error-code</c> header.</summary>
    public static (string? Code, string? Message) Read(Response response)
    {
        string? code = null, message = null;
        try
        {
            if (response.Content is { } content && !content.ToMemory().IsEmpty)
            {
                using var document = JsonDocument.Parse(content.ToMemory());
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Name.Equals("error", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
                        {
                            (code, message) = Read(property.Value);
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: the status code is all we have.
        }

        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var header))
        {
            code = header;
        }

        return (code, message);
    }

    private static string? Truncate(string? text) =>
        text is { Length: > MaxMessageLength } ? text[..MaxMessageLength] : text;
}
