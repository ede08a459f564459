using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// The fleet dashboard type-checked against Grafana's published dashboard schema: tests/dashboard-schema
/// turns the JSON into a TypeScript literal that must satisfy @grafana/schema's Dashboard (unknown
/// keys, wrong types and values outside the enumerations fail), compiled by tsc.
/// </summary>
public sealed class DashboardSchemaTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "dashboard-schema");

    [Fact]
    public async Task Dashboard_SatisfiesGrafanasPublishedDashboardType()
    {
        Assert.True(
            Directory.Exists(Path.Combine(Folder, "node_modules", "@grafana", "schema")) && Directory.Exists(Path.Combine(Folder, "node_modules", "typescript")),
            "tests/dashboard-schema has no node_modules: run the test script, or npm ci --prefix tests/dashboard-schema");

        var (exit, output) = await Tool.RunAsync("node", [Path.Combine(Folder, "check.mjs")], timeout: TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, output);
        Assert.Contains("ollama-fleet.json matches @grafana/schema's Dashboard type", output, StringComparison.Ordinal);
    }
}
