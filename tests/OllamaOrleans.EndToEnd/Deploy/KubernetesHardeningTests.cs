using OllamaOrleans.EndToEnd.Support;
using YamlDotNet.RepresentationModel;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// deploy/kubernetes as <c>kubectl kustomize</c> renders it: pods that pass the "restricted" Pod
/// Security Standard with requests and limits, disruption budgets, Redis closed to all but the
/// monitor's pods, and an api process that lets its streams finish when it stops.
/// </summary>
public sealed class KubernetesHardeningTests
{
    [Fact]
    public async Task EveryPod_PassesTheRestrictedPodSecurityStandard_InANamespaceThatEnforcesIt()
    {
        var rendered = await RenderedManifests.RenderAsync("deploy", "kubernetes");

        Assert.Equal(["api", "redis", "silo"], rendered.PodTemplates.Select(t => t.Name).Order());
        foreach (var (name, template) in rendered.PodTemplates)
        {
            var pod = template.Get("spec")!;
            var podContext = pod.Get("securityContext");
            Assert.Equal("true", podContext?.Text("runAsNonRoot"));
            Assert.NotEqual("0", podContext?.Text("runAsUser"));
            Assert.Equal("RuntimeDefault", podContext?.Get("seccompProfile")?.Text("type"));
            foreach (var host in new[] { "hostPID", "hostNetwork", "hostIPC" })
            {
                Assert.True(pod.Text(host) is null or "false", $"{name}: {host}");
            }

            Assert.DoesNotContain(pod.Items("volumes"), v => v.Get("hostPath") is not null);
            foreach (var container in pod.Items("containers").Concat(pod.Items("initContainers")))
            {
                var context = container.Get("securityContext");
                Assert.NotNull(context);
                Assert.Equal("false", context.Text("allowPrivilegeEscalation"));
                Assert.Equal(["ALL"], context.Get("capabilities")!.Items("drop").Select(c => c.ToString()));
                Assert.Empty(context.Get("capabilities")!.Items("add"));
                Assert.Null(context.Text("runAsUser"));
                Assert.Null(context.Text("privileged"));
            }
        }

        var labels = rendered.Find("Namespace", "ollama-orleans").Get("metadata")!.Get("labels")!;
        Assert.Equal("restricted", labels.Text("pod-security.kubernetes.io/enforce"));
    }

    [Fact]
    public async Task EveryContainer_RequestsAndLimitsCpuAndMemory_AndRedisIsCheckedForLiveness()
    {
        var rendered = await RenderedManifests.RenderAsync("deploy", "kubernetes");

        foreach (var (name, template) in rendered.PodTemplates)
        {
            foreach (var container in template.Get("spec")!.Items("containers"))
            {
                var resources = container.Get("resources")!;
                foreach (var kind in new[] { "requests", "limits" })
                {
                    Assert.False(string.IsNullOrEmpty(resources.Get(kind)?.Text("cpu")), $"{name}: no cpu {kind}");
                    Assert.False(string.IsNullOrEmpty(resources.Get(kind)?.Text("memory")), $"{name}: no memory {kind}");
                }

                Assert.NotNull(container.Get("livenessProbe"));
                Assert.NotNull(container.Get("readinessProbe"));
            }
        }

        // Redis answers PING (however the command authenticates), not merely a TCP connect.
        var liveness = string.Join(' ', Container(rendered, "redis").Get("livenessProbe")!.Get("exec")!.Items("command").Select(c => c.ToString()));
        Assert.Contains("redis-cli", liveness, StringComparison.Ordinal);
        Assert.EndsWith("ping", liveness.TrimEnd('"', '\'', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisruptionBudgets_TakeOneSiloAndOneApiProcessAtATime()
    {
        var rendered = await RenderedManifests.RenderAsync("deploy", "kubernetes");

        var budgets = rendered.OfKind("PodDisruptionBudget").ToDictionary(b => b.Get("metadata")!.Text("name")!);
        Assert.Equal(["api", "silo"], budgets.Keys.Order());
        foreach (var (name, budget) in budgets)
        {
            Assert.Equal("1", budget.Get("spec")!.Text("maxUnavailable"));
            var selector = budget.Get("spec")!.Get("selector")!.Get("matchLabels")!;
            var podLabels = rendered.PodTemplates.Single(t => t.Name == name).Pod.Get("metadata")!.Get("labels")!;
            Assert.All(((YamlMappingNode)selector).Children, l => Assert.Equal(l.Value.ToString(), podLabels.Text(l.Key.ToString())));
        }
    }

    [Fact]
    public async Task Redis_AdmitsOnlyTheSilosAndTheApiProcess_OnItsPort()
    {
        var rendered = await RenderedManifests.RenderAsync("deploy", "kubernetes");

        var policy = rendered.Find("NetworkPolicy", "redis").Get("spec")!;
        Assert.Equal("redis", policy.Get("podSelector")!.Get("matchLabels")!.Text("app"));
        Assert.Equal(["Ingress"], policy.Items("policyTypes").Select(t => t.ToString()));
        var rule = policy.Items("ingress").Single();
        Assert.Equal(["6379"], rule.Items("ports").Select(p => p.Text("port")!));
        var admitted = rule.Items("from").Single().Get("podSelector")!.Items("matchExpressions").Single();
        Assert.Equal("app", admitted.Text("key"));
        Assert.Equal("In", admitted.Text("operator"));
        var apps = admitted.Items("values").Select(v => v.ToString()).ToHashSet();
        Assert.Subset(apps, rendered.PodTemplates.Where(t => t.Name != "redis").Select(t => t.Pod.Get("metadata")!.Get("labels")!.Text("app")!).ToHashSet());
        Assert.DoesNotContain("redis", apps);
    }

    [Fact]
    public async Task ApiProcess_LeavesTheServiceFirst_ThenLetsItsStreamsFinish_WithinTheGracePeriod()
    {
        var rendered = await RenderedManifests.RenderAsync("deploy", "kubernetes");

        var pod = rendered.PodTemplates.Single(t => t.Name == "api").Pod.Get("spec")!;
        var api = Container(rendered, "api");
        var preStop = api.Get("lifecycle")!.Get("preStop")!.Get("exec")!.Items("command").Select(c => c.ToString()).ToList();
        Assert.Equal("sleep", preStop[0]);
        var shutdown = int.Parse(api.Items("env").Single(e => e.Text("name") == "DOTNET_SHUTDOWNTIMEOUTSECONDS").Text("value")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(shutdown >= 120, $"shutdown timeout {shutdown} s: streams run for minutes");
        Assert.True(int.Parse(pod.Text("terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(preStop[1], System.Globalization.CultureInfo.InvariantCulture) + shutdown);
    }

    private static YamlNode Container(RenderedManifests rendered, string workload) =>
        rendered.PodTemplates.Single(t => t.Name == workload).Pod.Get("spec")!.Items("containers").Single();
}
