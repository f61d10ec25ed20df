using System.Text.Json;

namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>The <c>EmailSendResult</c> body of the ACS API: operation id, status and error.</summary>
/// <param name="Id">Operation id.</param>
/// <param name="Status">NotStarted, Running, Succeeded, Failed or Canceled.</param>
/// <param name="ErrorCode">The error code when the status is Failed or Canceled.</param>
/// <param name="ErrorMessage">The service's error message, if any.</param>
public sealed record AcsOperationStatus(string Id, string Status, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>Succeeded, Failed or Canceled.</summary>
    public bool IsTerminal => IsSucceeded || IsFailed;

    public bool IsSucceeded => Status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase);

    public bool IsFailed => Status.Equals("Failed", StringComparison.OrdinalIgnoreCase) || Status.Equals("Canceled", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an <c>EmailSendResult</c> JSON body (property names case-insensitive); null when it is not one.</summary>
    public static AcsOperationStatus? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? id = null, status = null, code = null, message = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("id") || property.Name.Equals("id", StringComparison.OrdinalIgnoreCase))
                {
                    id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                }
                else if (property.Name.Equals("status", StringComparison.OrdinalIgnoreCase))
                {
                    status = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                }
                else if (property.Name.Equals("error", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
                {
                    (code, message) = AcsError.Read(property.Value);
                }
            }

            return id is null || status is null ? null : new AcsOperationStatus(id, status, code, message);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
