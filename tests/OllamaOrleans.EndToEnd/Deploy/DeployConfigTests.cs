using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>The deploy/ configurations and compose.yaml pass their tools' own checks.</summary>
public sealed class DeployConfigTests
{
    [Theory]
    [InlineData("prometheus.yml")]
    [InlineData("federation.yml")]
    public async Task PrometheusConfig_PassesPromtoolCheckConfig(string file)
    {
        var (exit, output) = await Tool.RunAsync("promtool", ["check", "config", Path.Combine("deploy", "prometheus", file)]);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeStackPrometheusConfig_RendersAndPassesPromtoolCheckConfig()
    {
        var state = Path.Combine(Path.GetTempPath(), "ollama-orleans-config-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (renderExit, rendered) = await Tool.RunAsync("bash", ["deploy/local/stack.sh", "config"], new Dictionary<string, string> { ["STACK_DIR"] = state, ["SILOS"] = "2" });
            Assert.True(renderExit == 0, rendered);
            var path = rendered.Trim();
            Assert.Contains("targets: [\"127.0.0.1:19619\", \"127.0.0.1:19620\"]", File.ReadAllText(path), StringComparison.Ordinal);

            var (exit, output) = await Tool.RunAsync("promtool", ["check", "config", path]);

            Assert.True(exit == 0, output);
            Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    [Fact]
    public async Task AlertmanagerConfig_PassesAmtoolCheckConfig()
    {
        var (exit, output) = await Tool.RunAsync("amtool", ["check-config", Path.Combine("deploy", "alertmanager", "alertmanager.yml")]);

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("severity=critical", "pager")]
    [InlineData("severity=warning", "team")]
    [InlineData("severity=none", "team")]
    public async Task Alertmanager_RoutesBySeverity(string label, string receiver)
    {
        var (exit, output) = await Tool.RunAsync("amtool", ["config", "routes", "test", "--config.file", Path.Combine("deploy", "alertmanager", "alertmanager.yml"), "alertname=OllamaDown", "host=gpu-a", label]);

        Assert.True(exit == 0, output);
        Assert.Equal(receiver, output.Split('\n')[0].Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu")]
    [InlineData("gpu demo api")]
    public async Task Compose_PassesDockerComposeConfig(string profiles)
    {
        var flags = profiles.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(p => new[] { "--profile", p });
        var (exit, output) = await Tool.RunAsync("docker-compose", ["-f", "compose.yaml", .. flags, "config", "-q"]);

        Assert.True(exit == 0, output);
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public async Task Compose_HasEveryServiceOfTheStack()
    {
        var (exit, output) = await Tool.RunAsync("docker-compose", ["-f", "compose.yaml", "--profile", "cpu", "--profile", "gpu", "--profile", "demo", "--profile", "api", "config", "--services"]);

        Assert.True(exit == 0, output);
        string[] expected = ["alertmanager", "api", "dcgm-exporter", "grafana", "node-exporter", "ollama", "ollama-gpu", "prometheus", "redis", "silo", "simulator"];
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    [Fact]
    public void Compose_RunsTwoSilosInClusterMode_AndMountsTheDeployFilesReadOnly()
    {
        var services = YamlFile.Load("compose.yaml").Get("services")!;
        var silo = services.Get("silo")!;
        Assert.Equal("2", silo.Get("deploy")!.Text("replicas"));
        Assert.Equal("redis:6379", silo.Get("environment")!.Text("REDIS_CONNECTION"));
        Assert.Equal("45s", silo.Text("stop_grace_period"));
        Assert.Contains("./deploy/prometheus:/etc/prometheus:ro", services.Get("prometheus")!.Items("volumes").Select(v => v.ToString()));
        Assert.Contains("./deploy/alertmanager:/etc/alertmanager:ro", services.Get("alertmanager")!.Items("volumes").Select(v => v.ToString()));
        Assert.Contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro", services.Get("grafana")!.Items("volumes").Select(v => v.ToString()));
    }

    [Fact]
    public void ComposeRedis_AsksForThePasswordSecret_WhichTheSilosAndTheApiRead()
    {
        var compose = YamlFile.Load("compose.yaml");
        var services = compose.Get("services")!;
        Assert.Equal("${REDIS_PASSWORD_SECRET:-./deploy/docker/redis-password.example}", compose.Get("secrets")!.Get("redis_password")!.Text("file"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "deploy", "docker", "redis-password.example")));
        Assert.Contains("--requirepass \"$$(cat /run/secrets/redis_password)\"", services.Get("redis")!.Items("command").Last().ToString(), StringComparison.Ordinal);
        foreach (var name in new[] { "redis", "silo", "api" })
        {
            Assert.Equal(["redis_password"], services.Get(name)!.Items("secrets").Select(s => s.ToString()));
        }

        foreach (var name in new[] { "silo", "api" })
        {
            Assert.Equal("/run/secrets/redis_password", services.Get(name)!.Get("environment")!.Text("REDIS_PASSWORD_FILE"));
        }
    }

    [Fact]
    public void ComposePrometheus_ScrapesTheSilosAndTheApiProcess_ByTheirServiceNames()
    {
        var jobs = YamlFile.Load("deploy", "prometheus", "prometheus.yml").Items("scrape_configs")
            .ToDictionary(j => j.Text("job_name")!, j => j.Items("dns_sd_configs").Select(d => $"{string.Join(',', d.Items("names"))}:{d.Text("port")}").ToList());

        Assert.Equal(["silo:9619"], jobs["ollama-orleans"]);
        Assert.Equal(["api:8080"], jobs["ollama-orleans-api"]);
    }

    [Theory]
    [InlineData("silo.Dockerfile", "OllamaOrleans.Silo.dll")]
    [InlineData("api.Dockerfile", "OllamaOrleans.Api.Host.dll")]
    [InlineData("simulator.Dockerfile", "OllamaSimulator.dll")]
    public void Dockerfile_IsMultiStage_RunsAsNonRoot_AndHasAHealthCheck(string file, string dll)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "docker", file));

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains("COPY --from=build /app ./", lines);
        Assert.Contains("USER $APP_UID", lines);
        Assert.Single(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{dll}\"]", lines);
    }

    [Fact]
    public async Task StackScript_WithoutAVerb_PrintsItsUsageAndExits2()
    {
        var (exit, output) = await Tool.RunAsync("bash", ["deploy/local/stack.sh"]);

        Assert.Equal(2, exit);
        Assert.Contains("deploy/local/stack.sh up", output, StringComparison.Ordinal);
    }
}
