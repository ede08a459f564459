using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>The structure of deploy/grafana: the fleet dashboard and its provisioning.</summary>
public sealed class DashboardFileTests
{
    private readonly DashboardFile dashboard = DashboardFile.Load("ollama-fleet.json");

    [Fact]
    public void Dashboard_HasTheOriginalFivePanelGroups_TheClientsAndFleetRows_AndTheOrleansRow()
    {
        string[] rows = ["Service overview", "Performance", "Resource use", "Model analytics", "Error analysis", "Clients", "Fleet", "Orleans cluster"];
        Assert.Equal(rows, dashboard.Panels.Where(p => p.Type == "row").Select(p => p.Title));
        Assert.All(rows, r => Assert.True(PanelsUnder(r).Any(), $"row {r} has no panel"));
    }

    [Fact]
    public void Dashboard_HasMultiValueVariablesSiteHostAndModel_EachFilteredByTheOnesBefore()
    {
        var variables = Variables();

        Assert.Equal(["datasource", "job", "api_job", "site", "host", "model", "source", "topk"], variables.Keys);
        Assert.Equal("label_values(ollama_up{job=~\"$job\"}, site)", variables["site"].GetProperty("definition").GetString());
        Assert.Equal("label_values(ollama_up{job=~\"$job\", site=~\"$site\"}, host)", variables["host"].GetProperty("definition").GetString());
        Assert.Equal("label_values(ollama_model_info{job=~\"$job\", site=~\"$site\", host=~\"$host\"}, model)", variables["model"].GetProperty("definition").GetString());
        Assert.All(new[] { "site", "host", "model", "source" }.Select(n => variables[n]), v =>
        {
            Assert.True(v.GetProperty("multi").GetBoolean());
            Assert.True(v.GetProperty("includeAll").GetBoolean());
            Assert.Equal(".*", v.GetProperty("allValue").GetString());
        });
    }

    [Fact]
    public void JobSourceAndTopkVariables_DefaultToTheComposeJobs_Traffic_AndTenSeries()
    {
        var variables = Variables();

        Assert.Equal(("textbox", "ollama-orleans"), (variables["job"].GetProperty("type").GetString(), variables["job"].GetProperty("query").GetString()));
        Assert.Equal(("textbox", "ollama-orleans-api"), (variables["api_job"].GetProperty("type").GetString(), variables["api_job"].GetProperty("query").GetString()));
        Assert.Equal("traffic,probe", variables["source"].GetProperty("query").GetString());
        Assert.Equal(["traffic"], variables["source"].GetProperty("current").GetProperty("value").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("10", variables["topk"].GetProperty("current").GetProperty("value").GetString());
        Assert.Contains("10", variables["topk"].GetProperty("query").GetString()!.Split(','));
    }

    [Fact]
    public void EveryPanel_HasAUniqueId_APlace_TheDataSourceVariable_AndQueries()
    {
        Assert.Equal(dashboard.Panels.Count, dashboard.Panels.Select(p => p.Id).Distinct().Count());
        foreach (var panel in dashboard.QueryPanels)
        {
            Assert.Equal("${datasource}", panel.Json.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.True(panel.Json.GetProperty("gridPos").GetProperty("w").GetInt32() > 0, panel.Title);
            Assert.NotEmpty(panel.Queries);
            Assert.All(panel.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Expr), $"{panel.Title} {q.RefId}"));
            Assert.Equal(panel.Queries.Count, panel.Queries.Select(q => q.RefId).Distinct().Count());
        }
    }

    [Fact]
    public void Panels_DoNotOverlap()
    {
        var taken = new Dictionary<(int X, int Y), string>();
        foreach (var panel in dashboard.Panels)
        {
            var grid = panel.Json.GetProperty("gridPos");
            int x0 = grid.GetProperty("x").GetInt32(), y0 = grid.GetProperty("y").GetInt32();
            for (var x = x0; x < x0 + grid.GetProperty("w").GetInt32(); x++)
            {
                for (var y = y0; y < y0 + grid.GetProperty("h").GetInt32(); y++)
                {
                    Assert.True(taken.TryAdd((x, y), panel.Title), $"{panel.Title} overlaps {taken.GetValueOrDefault((x, y))} at {x},{y}");
                }
            }

            Assert.True(x0 + grid.GetProperty("w").GetInt32() <= 24, $"{panel.Title} is wider than the dashboard");
        }
    }

    [Fact]
    public void EveryQuery_HonoursTheJobAndSiteVariables_AndEveryQueryOfHostSeries_TheHostVariable()
    {
        // Series without a host label: the gateway's per-client and dropped-record counts, the silos' own.
        // ALERTS and recording rules aggregate the job away.
        string[] hostless = ["ollama_client_", "ollama_gateway_records_dropped_total", "ollama_monitor_hosts", "microsoft_orleans_", "process_", "up{", "ALERTS{"];
        var queries = dashboard.QueryPanels.SelectMany(p => p.Queries.Select(q => (p.Title, q.Expr))).ToList();
        Assert.NotEmpty(queries);
        foreach (var (title, expr) in queries)
        {
            Assert.True(expr.Contains("site=~\"$site\"", StringComparison.Ordinal), $"{title}: {expr}");
            Assert.True(expr.Contains("job=~\"$job", StringComparison.Ordinal) || expr.Contains("ollama:", StringComparison.Ordinal) || expr.Contains("ALERTS{", StringComparison.Ordinal), $"{title}: {expr}");
            Assert.True(expr.Contains("host=~\"$host\"", StringComparison.Ordinal) || hostless.Any(h => expr.Contains(h, StringComparison.Ordinal)), $"{title}: {expr}");
        }
    }

    [Fact]
    public void Provisioning_GivesTheDataSourceVariableItsOnlyPrometheus_AndTheProviderReadsTheMountedFolder()
    {
        // The provisioned Grafana has one Prometheus, the default: the datasource variable (whose
        // current value is the import input, unresolved when provisioned) falls back to it.
        var sources = YamlFile.Load("deploy", "grafana", "provisioning", "datasources", "prometheus.yml").Items("datasources").ToList();
        var source = Assert.Single(sources);
        Assert.Equal("prometheus", source.Text("type"));
        Assert.Equal("true", source.Text("isDefault"));
        Assert.Equal("http://prometheus:9090", source.Text("url"));
        Assert.Equal("prometheus", Variables()["datasource"].GetProperty("query").GetString());

        var provider = YamlFile.Load("deploy", "grafana", "provisioning", "dashboards", "ollama.yml").Items("providers").Single();
        Assert.Equal("/var/lib/grafana/dashboards", provider.Get("options")!.Text("path"));
        using var json = JsonDocument.Parse(File.ReadAllText(DashboardFile.PathOf("ollama-fleet.json")));
        Assert.Equal("ollama-fleet", json.RootElement.GetProperty("uid").GetString());
    }

    private Dictionary<string, JsonElement> Variables() =>
        dashboard.Root.GetProperty("templating").GetProperty("list").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);

    private IEnumerable<DashboardPanel> PanelsUnder(string row) =>
        dashboard.Panels.SkipWhile(p => p.Title != row).Skip(1).TakeWhile(p => p.Type != "row");
}
