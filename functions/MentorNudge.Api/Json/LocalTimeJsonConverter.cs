using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Api.Json;

/// <summary>Time of day, <c>09:00</c> (seconds accepted on input).</summary>
public sealed class LocalTimeJsonConverter : JsonConverter<LocalTime>
{
    private static readonly LocalTimePattern Short = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            var result = Short.Parse(text);
            if (!result.Success)
            {
                result = LocalTimePattern.ExtendedIso.Parse(text);
            }

            if (result.Success)
            {
                return result.Value;
            }
        }

        throw new JsonException("Expected a time of day, e.g. 09:00.");
    }

    public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Short.Format(value));
}
