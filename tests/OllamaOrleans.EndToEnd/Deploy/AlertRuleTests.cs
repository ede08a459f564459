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
        "OllamaProbeTargetNotServed",
    ];

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
        foreach (var alert in Alerts().Where(a => a.Text("alert") is not ("OllamaSiloNotScraped" or "OllamaMonitoringDown")))
        {
            Assert.Contains("{{ $labels.host }}", alert.Get("annotations")!.Text("summary"), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("humanizeBytes", File.ReadAllText(Path.Combine(RepositoryPaths.Root, RulesPath)), StringComparison.Ordinal);
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
