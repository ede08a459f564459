using OllamaOrleans.EndToEnd.Support;
using YamlDotNet.RepresentationModel;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// deploy/kubernetes holds what Orleans' Kubernetes hosting needs; no Kubernetes runs here, so the
/// structure is checked: every file listed, the labels and environment the hosting reads, RBAC for
/// the pods, Redis for clustering, and the api process pointed at the same cluster.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes");

    [Fact]
    public void Kustomization_ListsEveryManifest_AndEachParses()
    {
        var listed = YamlFile.Load("deploy", "kubernetes", "kustomization.yaml").Items("resources").Select(r => r.ToString()).Order().ToList();
        var present = Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Where(f => f != "kustomization.yaml").Order().ToList();

        Assert.Equal(present, listed);
        Assert.All(present, f => Assert.NotEmpty(Documents(f)));
        Assert.All(present.SelectMany(Documents), d => Assert.False(string.IsNullOrEmpty(d.Text("kind"))));
    }

    [Fact]
    public void Silo_CarriesWhatOrleansKubernetesHostingReads()
    {
        var silo = Find("silo.yaml", "Deployment", "silo");
        var pod = silo.Get("spec")!.Get("template")!;
        var labels = pod.Get("metadata")!.Get("labels")!;
        Assert.Equal("ollama-orleans", labels.Text("orleans/serviceId"));
        Assert.Equal("ollama-orleans", labels.Text("orleans/clusterId"));

        var container = pod.Get("spec")!.Items("containers").Single();
        var env = Env(container);
        Assert.Equal("metadata.name", FieldRef(env["POD_NAME"]));
        Assert.Equal("metadata.namespace", FieldRef(env["POD_NAMESPACE"]));
        Assert.Equal("status.podIP", FieldRef(env["POD_IP"]));
        Assert.Equal("metadata.labels['orleans/serviceId']", FieldRef(env["ORLEANS_SERVICE_ID"]));
        Assert.Equal("metadata.labels['orleans/clusterId']", FieldRef(env["ORLEANS_CLUSTER_ID"]));
        Assert.Equal("redis:6379", env["REDIS_CONNECTION"].Text("value"));
        Assert.Equal(["9619", "11111", "30000"], container.Items("ports").Select(p => p.Text("containerPort")!));
        Assert.Equal("/ready", container.Get("readinessProbe")!.Get("httpGet")!.Text("path"));
        Assert.Equal("ollama-orleans-silo", pod.Get("spec")!.Text("serviceAccountName"));
        Assert.Equal("0", silo.Get("spec")!.Get("strategy")!.Get("rollingUpdate")!.Text("maxUnavailable"));
    }

    [Fact]
    public void Rbac_LetsTheSiloWatchAndDeletePods()
    {
        var role = Find("rbac.yaml", "Role", "orleans-hosting");
        var rule = role.Items("rules").Single();
        Assert.Equal(["pods"], rule.Items("resources").Select(r => r.ToString()));
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete" }, rule.Items("verbs").Select(v => v.ToString()).ToHashSet());
        var binding = Find("rbac.yaml", "RoleBinding", "ollama-orleans-silo-orleans-hosting");
        Assert.Equal("ollama-orleans-silo", binding.Items("subjects").Single().Text("name"));
        Assert.Equal("orleans-hosting", binding.Get("roleRef")!.Text("name"));
    }

    [Fact]
    public void RedisAndApi_ShareTheSilosCluster()
    {
        Assert.Equal("6379", Find("redis.yaml", "Service", "redis").Get("spec")!.Items("ports").Single().Text("port"));
        Assert.Contains("--appendonly", Find("redis.yaml", "StatefulSet", "redis").Get("spec")!.Get("template")!.Get("spec")!.Items("containers").Single().Items("args").Select(a => a.ToString()));

        var api = Find("api.yaml", "Deployment", "api").Get("spec")!.Get("template")!.Get("spec")!.Items("containers").Single();
        var env = Env(api);
        Assert.Equal("redis:6379", env["REDIS_CONNECTION"].Text("value"));
        Assert.Equal("ollama-orleans", env["Orleans__ClusterId"].Text("value"));
        Assert.Equal("ollama-orleans", env["Orleans__ServiceId"].Text("value"));
    }

    [Fact]
    public void Redis_AsksForThePasswordOfItsSecret_WhichTheSilosAndTheApiSend()
    {
        Assert.Equal("Opaque", Find("redis.yaml", "Secret", "redis-auth").Text("type"));
        var redis = Find("redis.yaml", "StatefulSet", "redis").Get("spec")!.Get("template")!.Get("spec")!.Items("containers").Single();
        var args = redis.Items("args").Select(a => a.ToString()).ToList();
        Assert.Equal("$(REDIS_PASSWORD)", args[args.IndexOf("--requirepass") + 1]);
        Assert.Equal("redis-auth/password", SecretRef(Env(redis)["REDIS_PASSWORD"]));
        Assert.Equal("redis-auth/password", SecretRef(Env(redis)["REDISCLI_AUTH"]));

        foreach (var (file, name) in new[] { ("silo.yaml", "silo"), ("api.yaml", "api") })
        {
            var container = Find(file, "Deployment", name).Get("spec")!.Get("template")!.Get("spec")!.Items("containers").Single();
            Assert.Equal("redis-auth/password", SecretRef(Env(container)["REDIS_PASSWORD"]));
        }
    }

    private static string? SecretRef(YamlNode env) =>
        env.Get("valueFrom")?.Get("secretKeyRef") is { } secret ? $"{secret.Text("name")}/{secret.Text("key")}" : null;

    private static Dictionary<string, YamlNode> Env(YamlNode container) =>
        container.Items("env").ToDictionary(e => e.Text("name")!, e => e);

    private static string? FieldRef(YamlNode env) => env.Get("valueFrom")?.Get("fieldRef")?.Text("fieldPath");

    private static YamlNode Find(string file, string kind, string name) =>
        Documents(file).Single(d => d.Text("kind") == kind && d.Get("metadata")!.Text("name") == name);

    private static List<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, file));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }
}
