using System.Globalization;
using OllamaOrleans.EndToEnd.Support;
using YamlDotNet.RepresentationModel;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// deploy/prometheus/federation.yml as shipped, with its example sites replaced by the native stack's
/// Prometheus: a global Prometheus pulls the site's Ollama series, labelled with the site.
/// </summary>
[Collection(WaitingLane2.Name)]
public sealed class FederationTests
{
    [Fact]
    public async Task GlobalPrometheus_FederatesTheSitesOllamaSeries_WithTheSiteLabel_AndNothingElse()
    {
        await using var stack = await LocalStack.StartAsync(2, new Dictionary<string, string> { ["Monitor__Probes__Mode"] = "Off" });
        var folder = Directory.CreateDirectory(Path.Combine(stack.StateDirectory, "global")).FullName;
        var port = FreePorts.One();
        File.WriteAllText(Path.Combine(folder, "prometheus.yml"), FederationConfig(stack.Prometheus.BaseUri.Authority));
        await using var global = ChildProcess.StartProgram(
            "prometheus", folder, new Dictionary<string, string>(),
            "--config.file=prometheus.yml", $"--storage.tsdb.path={folder}/data", $"--web.listen-address=127.0.0.1:{port}");
        var api = new PrometheusApi(new Uri($"http://127.0.0.1:{port}/"));

        var hosts = stack.SimulatorPorts.Select(LocalStack.HostName).Order().ToArray();
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            async () => await api.ScalarAsync("count(ollama_up{site=\"local\", job=\"ollama-orleans\"} == 1)"),
            n => n == hosts.Length,
            n => $"federated hosts up: {n}\n{global.OutputText}");

        Assert.Equal(1, await api.ScalarAsync("count(up{job=\"ollama-orleans\", site=\"local\"})"));
        Assert.Equal(hosts.Length, await api.ScalarAsync("count(ollama_models_available{site=\"local\"})"));
        Assert.Null(await api.ScalarAsync("count(process_cpu_seconds_total)"));
        Assert.Null(await api.ScalarAsync("count(up{job=\"prometheus\"})"));
    }

    /// <summary>The shipped federation.yml, scraping only <paramref name="site"/>, every second.</summary>
    private static string FederationConfig(string site)
    {
        var config = YamlFile.Load("deploy", "prometheus", "federation.yml");
        var global = (YamlMappingNode)config.Get("global")!;
        global.Children[new YamlScalarNode("scrape_interval")] = new YamlScalarNode("1s");
        var job = (YamlMappingNode)config.Items("scrape_configs").Single();
        job.Children[new YamlScalarNode("scrape_timeout")] = new YamlScalarNode("1s");
        var target = new YamlMappingNode { { "targets", new YamlSequenceNode(new YamlScalarNode(site)) } };
        job.Children[new YamlScalarNode("static_configs")] = new YamlSequenceNode(target);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(config)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
