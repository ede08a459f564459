using YamlDotNet.RepresentationModel;

namespace OllamaOrleans.EndToEnd.Support;

/// <summary>A YAML file of the repository, read as plain mappings and sequences.</summary>
public static class YamlFile
{
    public static YamlMappingNode Load(params string[] pathFromRoot)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine([RepositoryPaths.Root, .. pathFromRoot]));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, string key) =>
        node.Get(key) is YamlSequenceNode sequence ? sequence.Children : [];
}
