using OllamaOrleans.EndToEnd.Support;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// deploy/kubernetes-variants: kube-prometheus (PodMonitors, the rules as a PrometheusRule) and gpu (a
/// silo on every NVIDIA node that sees the node's processes and GPUs), each rendered over the base.
/// </summary>
public sealed class KubernetesVariantTests
{
    private static readonly string[] KubePrometheus = ["deploy", "kubernetes-variants", "kube-prometheus"];
    private static readonly string[] Gpu = ["deploy", "kubernetes-variants", "gpu"];

    [Fact]
    public async Task PodMonitors_ScrapeSilosAndApiApart_UnderTheJobNamesTheRulesSelect()
    {
        var rendered = await RenderedManifests.RenderAsync(KubePrometheus);
        var rules = YamlFile.Load("deploy", "prometheus", "alert_rules.yml").Items("groups").SelectMany(g => g.Items("rules")).ToList();
        string JobOf(string record) => rules.Single(r => r.Text("record") == record).Text("expr")!.Split('"')[1];

        var monitors = rendered.OfKind("PodMonitor").ToDictionary(m => m.Get("metadata")!.Text("name")!);
        Assert.Equal(["ollama-orleans-api", "ollama-orleans-silo"], monitors.Keys.Order());
        foreach (var (monitor, record, workload) in new[] { ("ollama-orleans-silo", "ollama:silo_up", "silo"), ("ollama-orleans-api", "ollama:api_up", "api") })
        {
            var spec = monitors[monitor].Get("spec")!;
            var job = JobOf(record);
            Assert.Equal("ollama-orleans/job", spec.Text("jobLabel"));
            Assert.Equal(job, spec.Get("selector")!.Get("matchLabels")!.Text("ollama-orleans/job"));
            Assert.Equal("ollama-orleans", monitors[monitor].Get("metadata")!.Text("namespace"));

            var endpoint = spec.Items("podMetricsEndpoints").Single();
            Assert.Equal("/metrics", endpoint.Text("path"));
            var pod = rendered.PodTemplates.Single(t => t.Name == workload).Pod;
            Assert.Equal(job, pod.Get("metadata")!.Get("labels")!.Text("ollama-orleans/job"));
            Assert.Contains(endpoint.Text("port"), pod.Get("spec")!.Items("containers").Single().Items("ports").Select(p => p.Text("name")));
        }

        // Only the silos' and the api's pods carry the job label: Redis is not scraped as either.
        Assert.Null(rendered.PodTemplates.Single(t => t.Name == "redis").Pod.Get("metadata")!.Get("labels")!.Text("ollama-orleans/job"));
        var binding = rendered.Find("RoleBinding", "prometheus-k8s");
        Assert.Equal(("prometheus-k8s", "monitoring"), (binding.Items("subjects").Single().Text("name"), binding.Items("subjects").Single().Text("namespace")));
        Assert.Equal("ollama-orleans", binding.Get("metadata")!.Text("namespace"));
    }

    [Fact]
    public async Task PrometheusRule_HoldsTheRulesFile_GroupForGroup()
    {
        var rendered = await RenderedManifests.RenderAsync(KubePrometheus);

        var spec = rendered.Find("PrometheusRule", "ollama-orleans").Get("spec")!;
        var file = YamlFile.Load("deploy", "prometheus", "alert_rules.yml");

        Assert.Equal(Canonical(file), Canonical(spec));
        Assert.Equal(["groups"], ((YamlMappingNode)spec).Children.Keys.Select(k => k.ToString()));
        Assert.NotEmpty(spec.Items("groups"));
    }

    [Fact]
    public async Task GpuVariant_RunsASiloOnEveryNvidiaNode_SeeingTheNodesProcessesAndGpus_WithoutTakingAGpu()
    {
        var rendered = await RenderedManifests.RenderAsync(Gpu);

        var daemonSet = rendered.Find("DaemonSet", "silo-gpu");
        var template = daemonSet.Get("spec")!.Get("template")!;
        var pod = template.Get("spec")!;
        Assert.Equal("true", pod.Get("nodeSelector")!.Text("nvidia.com/gpu.present"));
        Assert.Equal(("true", "true"), (pod.Text("hostPID"), pod.Text("hostNetwork")));
        Assert.Equal("nvidia", pod.Text("runtimeClassName"));

        var container = pod.Items("containers").Single();
        var env = container.Items("env").ToDictionary(e => e.Text("name")!, e => e);
        Assert.Equal("all", env["NVIDIA_VISIBLE_DEVICES"].Text("value"));
        Assert.Equal("utility", env["NVIDIA_DRIVER_CAPABILITIES"].Text("value"));
        Assert.Null(container.Get("resources")!.Get("limits")!.Text("nvidia.com/gpu"));
        Assert.Equal(["DAC_READ_SEARCH", "SYS_PTRACE"], container.Get("securityContext")!.Get("capabilities")!.Items("add").Select(c => c.ToString()).Order());

        // The same Orleans cluster, Redis, service account and scrape job as the base's silos.
        var silo = rendered.PodTemplates.Single(t => t.Name == "silo").Pod;
        foreach (var label in new[] { "orleans/serviceId", "orleans/clusterId", "ollama-orleans/job" })
        {
            Assert.Equal(silo.Get("metadata")!.Get("labels")!.Text(label), template.Get("metadata")!.Get("labels")!.Text(label));
        }

        Assert.Equal(silo.Get("spec")!.Text("serviceAccountName"), pod.Text("serviceAccountName"));
        Assert.StartsWith("redis.", env["REDIS_CONNECTION"].Text("value"), StringComparison.Ordinal);
        var password = env["REDIS_PASSWORD"].Get("valueFrom")!.Get("secretKeyRef")!;
        Assert.Equal(("redis-auth", "password"), (password.Text("name"), password.Text("key")));
        Assert.Equal("privileged", rendered.Find("Namespace", "ollama-orleans").Get("metadata")!.Get("labels")!.Text("pod-security.kubernetes.io/enforce"));
        Assert.Contains(
            rendered.Find("NetworkPolicy", "redis").Get("spec")!.Items("ingress").Single().Items("from"),
            f => f.Get("podSelector")?.Items("matchExpressions").Single().Items("values").Any(v => v.ToString() == template.Get("metadata")!.Get("labels")!.Text("app")) == true);
    }

    /// <summary>The node as plain data with its keys sorted (kustomize sorts them), written back out: equal text means equal content.</summary>
    private static string Canonical(YamlNode node)
    {
        var stream = new YamlStream(new YamlDocument(node));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var data = new DeserializerBuilder().Build().Deserialize<object>(writer.ToString());
        return new SerializerBuilder().Build().Serialize(Sorted(data));
    }

    private static object? Sorted(object? data) => data switch
    {
        IDictionary<object, object> map => new SortedDictionary<string, object?>(map.ToDictionary(e => e.Key.ToString()!, e => Sorted(e.Value)), StringComparer.Ordinal),
        IList<object> list => list.Select(Sorted).ToList(),
        _ => data,
    };
}
