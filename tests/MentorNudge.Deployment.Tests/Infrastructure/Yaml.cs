using YamlDotNet.RepresentationModel;

namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>Small helpers over YamlDotNet's representation model.</summary>
public static class Yaml
{
    public static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    public static YamlNode? Child(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlNode node, string key) => (node.Child(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode map ? map.Children : [];
}
