using System.Text.RegularExpressions;
using OllamaOrleans.EndToEnd.Support;
using YamlDotNet.RepresentationModel;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>deploy/prometheus/alert_rules.yml: promtool's checks, its unit tests, and what each alert must carry.</summary>
public sealed class AlertRuleTests
{
    /// <summary>The original design's seven alerts and the ones the fleet adds.</summary>
    private static readonly string[] ExpectedAlerts =
    [
        "OllamaDown", "OllamaNoModelsLoaded", "OllamaSlowInference", "OllamaHighCPU", "OllamaHighMemory", "OllamaRequestErrors", "OllamaLowTokenRate",
        "OllamaHostFlapping", "OllamaMonitoringStale", "OllamaModelLoadStorm", "OllamaProbeFailing", "OllamaGatewayErrorRatio", "OllamaServerBusy",
        "OllamaLatencyBudgetFastBurn", "OllamaLatencyBudgetSlowBurn", "OllamaGpuMemoryNearlyFull", "OllamaGpuHot", "OllamaSiloNotScraped", "OllamaMonitoringDown",
        "OllamaProbeTargetNotServed", "OllamaApiNotScraped", "OllamaApiDown", "OllamaGatewayRecordsDropped",
        "OllamaHostNotExported",
    ];

    /// <summary>The monitor's own alerts: about silos and api processes, not about an Ollama host.</summary>
    private static readonly string[] MonitorAlerts = ["OllamaSiloNotScraped", "OllamaMonitoringDown", "OllamaApiNotScraped", "OllamaApiDown", "OllamaGatewayRecordsDropped"];

    private const string RunbookBase = "https://git.example.internal/ollama-orleans/blob/main/docs/alerts.md#";

    private const string DashboardBase = "http://localhost:3000/d/ollama-fleet/ollama-fleet";

    private static readonly string RulesPath = Path.Combine("deploy", "prometheus", "alert_rules.yml");

    [Fact]
    public async Task AlertRules_PassPromtoolCheckRules()
    {
        var (exit, output) = await Tool.RunAsync("promtool", ["check", "rules", RulesPath]);

        Assert.True(exit == 0, output);
        Assert.Contains($"SUCCESS: {Rules().Count()} rules found", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertRuleUnitTests_PassPromtoolTestRules()
    {
        var (exit, output) = await Tool.RunAsync("promtool", ["test", "rules", Path.Combine("deploy", "prometheus", "alert_rules.test.yml")]);

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertRules_AreTheOriginalSevenAndTheFleetOnes()
    {
        Assert.Equal(ExpectedAlerts.Order(), Alerts().Select(a => a.Text("alert")!).Order());
    }

    [Fact]
    public void EveryAlert_HasASeverityAndSummaryDescriptionAndRunbook()
    {
        foreach (var alert in Alerts())
        {
            var name = alert.Text("alert");
            Assert.True(alert.Get("labels")?.Text("severity") is "critical" or "warning", $"{name}: severity must be critical or warning");
            foreach (var annotation in new[] { "summary", "description", "runbook" })
            {
                Assert.False(string.IsNullOrWhiteSpace(alert.Get("annotations")?.Text(annotation)), $"{name}: no {annotation}");
            }
        }
    }

    [Fact]
    public void EveryOllamaHostAlert_NamesItsHost_AndNoRuleUsesHumanizeBytes()
    {
        foreach (var alert in Alerts().Where(a => !MonitorAlerts.Contains(a.Text("alert"))))
        {
            Assert.Contains("{{ $labels.host }}", alert.Get("annotations")!.Text("summary"), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("humanizeBytes", File.ReadAllText(Path.Combine(RepositoryPaths.Root, RulesPath)), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAlert_LinksItsRunbookSectionInAlertsMd_AndTheDashboard_WithItsHostAndModel()
    {
        var headings = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "alerts.md"))
            .Where(l => l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => l[4..].Trim().ToLowerInvariant())
            .ToHashSet();
        foreach (var alert in Alerts())
        {
            var name = alert.Text("alert")!;
            var annotations = alert.Get("annotations")!;
            Assert.Equal(RunbookBase + name.ToLowerInvariant(), annotations.Text("runbook_url"));
            Assert.Contains(name.ToLowerInvariant(), headings);

            var summary = annotations.Text("summary")!;
            var query = (summary.Contains("$labels.host", StringComparison.Ordinal) ? "?var-host={{ $labels.host }}" : "")
                + (summary.Contains("$labels.model", StringComparison.Ordinal) ? "&var-model={{ $labels.model }}" : "");
            Assert.Equal(DashboardBase + query, annotations.Text("dashboard_url"));
        }

        Assert.Equal("ollama-fleet", DashboardFile.Load("ollama-fleet.json").Root.GetProperty("uid").GetString());
    }

    [Fact]
    public void ScrapeJobNames_AreSelectedOnce_InTheRecordingRulesTheAlertsRead()
    {
        var rules = Rules().ToList();
        var selecting = rules.Where(r => r.Text("expr")!.Contains("job=", StringComparison.Ordinal)).ToList();

        Assert.Equal(["ollama:api_up", "ollama:silo_up"], selecting.Where(r => r.Text("record") is not null).Select(r => r.Text("record")!).Order());
        Assert.Equal("up{job=\"ollama-orleans\"}", rules.Single(r => r.Text("record") == "ollama:silo_up").Text("expr"));
        Assert.Equal("up{job=\"ollama-orleans-api\"}", rules.Single(r => r.Text("record") == "ollama:api_up").Text("expr"));
        // The probe job is the one other job an alert names: its targets are Ollama hosts, not the monitor.
        Assert.Equal(["OllamaProbeTargetNotServed"], selecting.Where(r => r.Text("alert") is not null).Select(r => r.Text("alert")!));
    }

    [Fact]
    public void RuleTests_UseTheEndpointLabelsTheGatewayWrites()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "api", "OllamaOrleans.Api", "Gateway", "MeteredEndpoints.cs"));
        var written = Regex.Matches(source, "(?:MeteredEndpoint\\.\\w+|_) => \"([^\"]+)\",").Select(m => m.Groups[1].Value).ToHashSet();
        var used = Regex.Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "prometheus", "alert_rules.test.yml")), "endpoint=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Contains("generate", written);
        Assert.Contains("other", written);
        Assert.Superset(new HashSet<string> { "generate", "chat" }, used);
        Assert.Subset(written, used);
    }

    [Fact]
    public void EveryAlert_HasAUnitTestWhereItFires_OneWhereItStaysSilent_AndIsSilentOnTheIdleFleet()
    {
        var tests = YamlFile.Load("deploy", "prometheus", "alert_rules.test.yml").Items("tests").ToList();
        var cases = tests.SelectMany(t => t.Items("alert_rule_test").Select(c => (Group: t.Text("name")!, Alert: c.Text("alertname")!, Fires: c.Items("exp_alerts").Any()))).ToList();
        var idle = tests.Single(t => t.Text("name")!.StartsWith("An idle fleet", StringComparison.Ordinal)).Text("name");

        foreach (var alert in ExpectedAlerts)
        {
            Assert.True(cases.Any(c => c.Alert == alert && c.Fires), $"{alert}: no unit test where it fires");
            Assert.True(cases.Any(c => c.Alert == alert && !c.Fires && c.Group != idle), $"{alert}: no unit test where it stays silent besides the idle fleet");
            Assert.True(cases.Any(c => c.Alert == alert && !c.Fires && c.Group == idle), $"{alert}: not checked silent on the idle fleet");
        }
    }

    private static IEnumerable<YamlNode> Rules() =>
        YamlFile.Load(RulesPath).Items("groups").SelectMany(g => g.Items("rules"));

    private static IEnumerable<YamlNode> Alerts() => Rules().Where(r => r.Text("alert") is not null);
}
