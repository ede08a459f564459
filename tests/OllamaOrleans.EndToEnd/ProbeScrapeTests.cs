using System.Globalization;
using OllamaOrleans.EndToEnd.Support;
using YamlDotNet.RepresentationModel;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// deploy/prometheus/probe.yml as shipped, with its example targets and monitor address replaced: a
/// real Prometheus drives <c>/probe?target=</c> with a read key, and gets each simulated Ollama's
/// series labelled by the Ollama host (transient hosts registered by the scrape).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ProbeScrapeTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("ollama-orleans-probe-").FullName;
    private SimulatorProcess simulator = null!;
    private SiloProcess silo = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(2);
        var settings = ApiKeys.Settings();
        settings["COLLECT_INTERVAL"] = "1";
        settings["Monitor__Probes__Mode"] = "Off";
        silo = SiloProcess.Start(settings);
        await silo.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await simulator.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ShippedPrometheusConfig_ScrapesEachTargetThroughProbe()
    {
        var targets = simulator.Ports.Select(p => $"127.0.0.1:{p}").ToArray();
        // A target the monitor refuses (a cloud metadata address): /probe answers 400, so up is 0.
        const string refused = "169.254.169.254:11434";
        File.WriteAllText(Path.Combine(folder, "prometheus.yml"), ProbeConfig([.. targets, refused], silo.BaseUri.Authority));
        File.WriteAllText(Path.Combine(folder, "ollama-orleans.key"), ApiKeys.Read);
        var port = FreePorts.One();
        await using var prometheus = ChildProcess.StartProgram(
            "prometheus", folder, new Dictionary<string, string>(),
            "--config.file=prometheus.yml", $"--storage.tsdb.path={folder}/data", $"--web.listen-address=127.0.0.1:{port}");
        var api = new PrometheusApi(new Uri($"http://127.0.0.1:{port}/"));
        using (var http = new HttpClient())
        {
            // Until it is ready, Prometheus answers its API with a plain-text 503.
            await Eventually.WithinAsync(
                TimeSpan.FromSeconds(30),
                async () => (await http.GetAsync(new Uri(api.BaseUri, "-/ready"))).IsSuccessStatusCode,
                ready => ready,
                _ => "prometheus not ready:\n" + prometheus.OutputText);
        }


        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            async () => await api.ScalarAsync("count(ollama_up{job=\"ollama-probe\"} == 1)"),
            n => n == targets.Length,
            n => $"Ollama hosts up through /probe: {n}\n{prometheus.OutputText}\n{silo.Process.OutputText}");

        foreach (var target in targets)
        {
            Assert.Equal(1, await api.ScalarAsync($"up{{job=\"ollama-probe\", instance=\"{target}\"}}"));
            Assert.Equal(1, await api.ScalarAsync($"ollama_up{{instance=\"{target}\", host=\"{target}\"}}"));
            Assert.Equal(1, await api.ScalarAsync($"ollama_host_info{{instance=\"{target}\", registration=\"transient\"}}"));
        }

        // The alert rule's expression (without its 5 minutes) names the refused target, and only it.
        var notServed = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(10),
            async () =>
            {
                var answer = await api.QueryAsync(AlertExpression("OllamaProbeTargetNotServed"));
                Assert.True(answer.Succeeded, answer.Error);
                return answer.Data.GetProperty("result").EnumerateArray().Select(r => PrometheusApi.Label(r.GetProperty("metric"), "host")).ToList();
            },
            hosts => hosts.Count > 0,
            hosts => $"not served: {string.Join(", ", hosts ?? [])}\n{prometheus.OutputText}");
        Assert.Equal([refused], notServed);

        // Transient hosts are served by /probe only, never twice on /metrics.
        var metrics = await silo.ScrapeAsync();
        Assert.DoesNotContain(metrics.Named("ollama_up"), s => targets.Contains(s["host"]));
    }

    [Fact]
    public async Task ShippedConfig_PassesPromtoolCheckConfig_WithItsKeyFileBesideIt()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "deploy", "prometheus", "probe.yml"), Path.Combine(folder, "probe.yml"));
        File.WriteAllText(Path.Combine(folder, "ollama-orleans.key"), ApiKeys.Read);

        var (exit, output) = await Tool.RunAsync("promtool", ["check", "config", Path.Combine(folder, "probe.yml")]);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
    }

    private static string AlertExpression(string alert) =>
        YamlFile.Load("deploy", "prometheus", "alert_rules.yml").Items("groups").SelectMany(g => g.Items("rules"))
            .Single(r => r.Text("alert") == alert).Text("expr")!;

    /// <summary>The shipped probe.yml with <paramref name="targets"/>, the monitor at <paramref name="monitor"/>, every second.</summary>
    private static string ProbeConfig(IEnumerable<string> targets, string monitor)
    {
        var config = YamlFile.Load("deploy", "prometheus", "probe.yml");
        var global = (YamlMappingNode)config.Get("global")!;
        global.Children[new YamlScalarNode("scrape_interval")] = new YamlScalarNode("1s");
        var job = (YamlMappingNode)config.Items("scrape_configs").Single();
        job.Children[new YamlScalarNode("scrape_timeout")] = new YamlScalarNode("1s");
        var list = new YamlMappingNode { { "targets", new YamlSequenceNode(targets.Select(t => new YamlScalarNode(t))) } };
        job.Children[new YamlScalarNode("static_configs")] = new YamlSequenceNode(list);
        var toMonitor = (YamlMappingNode)job.Items("relabel_configs").Last();
        Assert.Equal("__address__", toMonitor.Text("target_label"));
        toMonitor.Children[new YamlScalarNode("replacement")] = new YamlScalarNode(monitor);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(config)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
