using System.Text.Json;

namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>A compiled ARM template, walked through its module deployments.</summary>
public sealed class ArmTemplate
{
    private ArmTemplate(string text, JsonDocument document)
    {
        Text = text;
        Document = document;
        Resources = Walk(document.RootElement, null, "main").ToList();
    }

    /// <summary>The raw JSON, for checks that must hold anywhere in the template.</summary>
    public string Text { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    /// <summary>Every resource, including those of nested module deployments.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Load(string path)
    {
        var text = File.ReadAllText(path);
        return new ArmTemplate(text, JsonDocument.Parse(text));
    }

    public static ArmTemplate Parse(string text) => new(text, JsonDocument.Parse(text));

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && !r.IsExisting);

    public ArmResource Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    private static IEnumerable<ArmResource> Walk(JsonElement template, JsonElement? passed, string module)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var items = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : resources.EnumerateObject().Select(p => p.Value).ToList();

        foreach (var element in items)
        {
            var resource = new ArmResource(element, template, passed, module);
            yield return resource;

            if (resource.Type == "Microsoft.Resources/deployments"
                && element.TryGetProperty("properties", out var properties)
                && properties.TryGetProperty("template", out var nested))
            {
                JsonElement? nestedParameters = properties.TryGetProperty("parameters", out var p) ? p : null;
                foreach (var child in Walk(nested, nestedParameters, resource.Name))
                {
                    yield return child;
                }
            }
        }
    }
}
