using System.Text.Json;
using NodaTime;

namespace MentorNudge.Testing.Acs;

/// <summary>One email the <see cref="AcsTestServer"/> accepted (duplicates by Operation-Id are not recorded twice).</summary>
public sealed record AcsReceivedEmail(string OperationId, string Body, Instant ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? To => Json.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString();

    public string? Subject => Json.GetProperty("content").GetProperty("subject").GetString();

    public string? Header(string name) =>
        Json.TryGetProperty("headers", out var headers) && headers.TryGetProperty(name, out var value) ? value.GetString() : null;
}
