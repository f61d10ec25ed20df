using System.Text.Json.Nodes;

namespace MentorNudge.Cli.Tests.EndToEnd;

internal static class LocalHostJson
{
    /// <summary>A list answer, bare or wrapped in an object.</summary>
    public static IReadOnlyList<JsonNode> Items(JsonNode node) => node switch
    {
        JsonArray array => array.OfType<JsonNode>().ToList(),
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault()?.OfType<JsonNode>().ToList() ?? [],
        _ => [],
    };
}
