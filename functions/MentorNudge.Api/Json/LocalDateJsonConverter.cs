using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Api.Json;

/// <summary>ISO date, <c>2026-12-24</c>.</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && LocalDatePattern.Iso.Parse(reader.GetString()!) is { Success: true } result)
        {
            return result.Value;
        }

        throw new JsonException("Expected an ISO date, e.g. 2026-12-24.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
