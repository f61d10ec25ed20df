using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorNudge.Api.Json;

/// <summary>
/// The one JSON shape of the API: camelCase names and enum values, NodaTime values as ISO-8601,
/// unknown fields ignored, numbers only as numbers.
/// </summary>
public static class ApiJson
{
    /// <summary>Options for reading requests and writing answers.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new LocalTimeJsonConverter());
        options.Converters.Add(new OffsetDateTimeJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
