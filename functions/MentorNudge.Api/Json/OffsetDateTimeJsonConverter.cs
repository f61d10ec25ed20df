using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Api.Json;

/// <summary>ISO-8601 date-time with the offset, <c>2026-11-30T09:00:00+01:00</c>.</summary>
public sealed class OffsetDateTimeJsonConverter : JsonConverter<OffsetDateTime>
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public override OffsetDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && OffsetDateTimePattern.ExtendedIso.Parse(reader.GetString()!) is { Success: true } result)
        {
            return result.Value;
        }

        throw new JsonException("Expected an ISO-8601 date-time with offset.");
    }

    public override void Write(Utf8JsonWriter writer, OffsetDateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WithOffset.Format(value));
}
