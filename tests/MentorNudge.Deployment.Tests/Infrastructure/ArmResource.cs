using System.Text.Json;
using System.Text.RegularExpressions;

namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>
/// One resource of a compiled ARM template, with the template it sits in and the parameters the
/// enclosing module deployment passes, so simple <c>[parameters('x')]</c> values can be resolved.
/// </summary>
public sealed partial record ArmResource(JsonElement Element, JsonElement Template, JsonElement? PassedParameters, string Module)
{
    public string Type => Element.GetProperty("type").GetString()!;

    public string Name => Element.TryGetProperty("name", out var name) ? name.ToString() : string.Empty;

    public JsonElement Properties => Element.TryGetProperty("properties", out var p) ? p : default;

    public bool IsExisting => Element.TryGetProperty("existing", out var e) && e.ValueKind == JsonValueKind.True;

    /// <summary>Follows a property path under <c>properties</c> and resolves a parameter reference.</summary>
    public JsonElement? Property(params string[] path)
    {
        var current = Properties;
        foreach (var part in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return Resolve(current);
    }

    /// <summary>Text of a property after resolving <c>[parameters('x')]</c> and <c>variables('v').k</c> once.</summary>
    public string? Text(params string[] path)
    {
        var value = Property(path);
        if (value is null)
        {
            return null;
        }

        var text = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText();
        return ExpandVariables(text);
    }

    public JsonElement Resolve(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var match = ParameterReference().Match(value.GetString()!);
        if (!match.Success)
        {
            return value;
        }

        var name = match.Groups[1].Value;
        if (PassedParameters is { ValueKind: JsonValueKind.Object } passed
            && passed.TryGetProperty(name, out var given)
            && given.TryGetProperty("value", out var givenValue))
        {
            return givenValue;
        }

        if (Template.TryGetProperty("parameters", out var declared)
            && declared.TryGetProperty(name, out var parameter)
            && parameter.TryGetProperty("defaultValue", out var defaultValue))
        {
            return defaultValue;
        }

        return value;
    }

    private string ExpandVariables(string text) => VariableMember().Replace(text, m =>
    {
        if (Template.TryGetProperty("variables", out var variables)
            && variables.TryGetProperty(m.Groups[1].Value, out var variable)
            && variable.ValueKind == JsonValueKind.Object
            && variable.TryGetProperty(m.Groups[2].Value, out var member)
            && member.ValueKind == JsonValueKind.String)
        {
            return "'" + member.GetString() + "'";
        }

        return m.Value;
    });

    [GeneratedRegex(@"^\[parameters\('(\w+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"variables\('(\w+)'\)\.(\w+)")]
    private static partial Regex VariableMember();
}
