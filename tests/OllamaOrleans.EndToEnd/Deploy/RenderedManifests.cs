using OllamaOrleans.EndToEnd.Support;
using YamlDotNet.RepresentationModel;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>A kustomization rendered by <c>kubectl kustomize</c>: the documents Kubernetes would receive.</summary>
public sealed class RenderedManifests
{
    private RenderedManifests(IReadOnlyList<YamlMappingNode> documents) => Documents = documents;

    public IReadOnlyList<YamlMappingNode> Documents { get; }

    /// <summary>The pod templates of every workload (Deployment, StatefulSet, DaemonSet), by the workload's name.</summary>
    public IEnumerable<(string Name, YamlNode Pod)> PodTemplates =>
        Documents.Where(d => d.Text("kind") is "Deployment" or "StatefulSet" or "DaemonSet")
            .Select(d => (d.Get("metadata")!.Text("name")!, d.Get("spec")!.Get("template")!));

    public static async Task<RenderedManifests> RenderAsync(params string[] folderFromRoot)
    {
        var (exit, output) = await Tool.RunAsync("kubectl", ["kustomize", Path.Combine(folderFromRoot)]);
        Assert.True(exit == 0, output);
        var stream = new YamlStream();
        using var reader = new StringReader(output);
        stream.Load(reader);
        return new RenderedManifests([.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()]);
    }

    public YamlMappingNode Find(string kind, string name) =>
        Documents.Single(d => d.Text("kind") == kind && d.Get("metadata")!.Text("name") == name);

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Where(d => d.Text("kind") == kind);
}
