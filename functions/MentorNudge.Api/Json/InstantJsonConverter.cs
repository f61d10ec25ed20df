using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Api.Json;

/// <summary>Reads an ISO-8601 date-time with an offset (<c>Z</c> or <c>+01:00</c>) as an instant; writes UTC with <c>Z</c>.</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00+01:00.");
        }

        var result = OffsetDateTimePattern.ExtendedIso.Parse(reader.GetString()!);
        return result.Success
            ? result.Value.ToInstant()
            : throw new JsonException("Expected an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00+01:00.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}
