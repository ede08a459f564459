using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>The structure of deploy/grafana: the fleet dashboard and its provisioning.</summary>
public sealed class DashboardFileTests
{
    private readonly DashboardFile dashboard = DashboardFile.Load("ollama-fleet.json");

    [Fact]
    public void Dashboard_HasTheOriginalFivePanelGroups_TheFleetRow_AndTheOrleansRow()
    {
        string[] rows = ["Service overview", "Performance", "Resource use", "Model analytics", "Error analysis", "Fleet", "Orleans cluster"];
        Assert.Equal(rows, dashboard.Panels.Where(p => p.Type == "row").Select(p => p.Title));
        Assert.All(rows, r => Assert.True(PanelsUnder(r).Any(), $"row {r} has no panel"));
    }

    [Fact]
    public void Dashboard_HasMultiValueVariablesHostAndModel_ModelFilteredByHost()
    {
        var variables = dashboard.Root.GetProperty("templating").GetProperty("list").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);

        Assert.Equal(["host", "model"], variables.Keys.Order());
        Assert.Equal("label_values(ollama_up, host)", variables["host"].GetProperty("definition").GetString());
        Assert.Equal("label_values(ollama_model_info{host=~\"$host\"}, model)", variables["model"].GetProperty("definition").GetString());
        Assert.All(variables.Values, v =>
        {
            Assert.True(v.GetProperty("multi").GetBoolean());
            Assert.True(v.GetProperty("includeAll").GetBoolean());
            Assert.Equal(".*", v.GetProperty("allValue").GetString());
        });
    }

    [Fact]
    public void EveryPanel_HasAUniqueId_APlace_TheProvisionedDataSource_AndQueries()
    {
        Assert.Equal(dashboard.Panels.Count, dashboard.Panels.Select(p => p.Id).Distinct().Count());
        foreach (var panel in dashboard.QueryPanels)
        {
            Assert.Equal("prometheus", panel.Json.GetProperty("datasource").GetProperty("uid").GetString());
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
    public void EveryOllamaQuery_HonoursTheHostVariable()
    {
        foreach (var query in dashboard.QueryPanels.SelectMany(p => p.Queries.Select(q => (p.Title, q.Expr))).Where(q => q.Expr.Contains("ollama_", StringComparison.Ordinal) && !q.Expr.Contains("job=\"ollama-orleans\"", StringComparison.Ordinal)))
        {
            Assert.Contains("host=~\"$host\"", query.Expr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Provisioning_DataSourceUidMatchesTheDashboard_AndTheProviderReadsTheMountedFolder()
    {
        var source = YamlFile.Load("deploy", "grafana", "provisioning", "datasources", "prometheus.yml").Items("datasources").Single();
        Assert.Equal("prometheus", source.Text("uid"));
        Assert.Equal("http://prometheus:9090", source.Text("url"));

        var provider = YamlFile.Load("deploy", "grafana", "provisioning", "dashboards", "ollama.yml").Items("providers").Single();
        Assert.Equal("/var/lib/grafana/dashboards", provider.Get("options")!.Text("path"));
        using var json = JsonDocument.Parse(File.ReadAllText(DashboardFile.PathOf("ollama-fleet.json")));
        Assert.Equal("ollama-fleet", json.RootElement.GetProperty("uid").GetString());
    }

    private IEnumerable<DashboardPanel> PanelsUnder(string row) =>
        dashboard.Panels.SkipWhile(p => p.Title != row).Skip(1).TakeWhile(p => p.Type != "row");
}
