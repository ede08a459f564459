using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Deploy;

/// <summary>
/// Every query of the fleet dashboard, run through a real Prometheus that scrapes a real silo
/// watching the simulator: probes run, models load and unload, one host answers too slowly for its
/// probes and one is down, clients go through the metering gateway, the node has a GPU. A query
/// that errs or returns no number fails the test.
/// </summary>
[Collection(WaitingLane4.Name)]
public sealed class DashboardQueryTests
{
    private static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task EveryDashboardQuery_ReturnsData_FromAStackWatchingTheSimulator()
    {
        // The GPU panels read the silo's node: here one AMD card in a stand-in /sys, NVML pointed at nothing.
        using var gpu = new FakeAmdSysfs();
        await using var stack = await LocalStack.StartAsync(3, new Dictionary<string, string>
        {
            ["Resources__SysRoot"] = gpu.Root,
            ["Resources__NvmlLibrary"] = "/nonexistent/libnvidia-ml.so.1",
            // Probes of llama3.2 only, every second, loading it where needed (the simulator has no
            // production models to evict), with a timeout shorter than the slow host's delay.
            ["Monitor__Probes__Mode"] = "Always",
            ["Monitor__Probes__Models__0"] = "llama3.2",
            ["Monitor__Probes__Interval"] = "00:00:01",
            ["Monitor__Probes__Timeout"] = "00:00:00.5",
        });
        var started = DateTimeOffset.UtcNow;
        var prometheus = stack.Prometheus;
        var ports = stack.SimulatorPorts.ToArray();
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => prometheus.ScalarAsync("count(ollama_up == 1)"), n => n == 3, n => $"hosts up in Prometheus: {n}\n{stack.Logs()}");

        await stack.GenerateAsync(ports[0], "gemma3:4b");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(15), () => prometheus.ScalarAsync($"ollama_model_loaded{{host=\"{LocalStack.HostName(ports[0])}\", model=\"gemma3:4b\"}}"), v => v == 1, v => $"gemma3:4b loaded: {v}");
        await stack.GenerateAsync(ports[0], "gemma3:4b", keepAlive: 0);
        await stack.SetFaultAsync(ports[1], "slow", delayMs: 1000);
        await stack.SetFaultAsync(ports[2], "down");

        // Clients through the metering gateway: answers read to the end, and one stream abandoned.
        for (var i = 0; i < 3; i++)
        {
            using var answer = await Http.PostAsJsonAsync(new Uri(stack.SiloUri, "fleet/api/generate"), new { model = "llama3.2", prompt = "Hi", stream = false });
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        }

        // Two abandoned streams, the second once Prometheus has the first's time to first token: the
        // first-token panels are rates, which need an increase Prometheus sees, not a series born at 1.
        var chat = new Uri(stack.SiloUri, $"h/{LocalStack.HostName(ports[0])}/api/chat");
        await AbandonStreamAsync(chat);
        await Eventually.WithinAsync(TimeSpan.FromSeconds(15), () => prometheus.ScalarAsync("sum(ollama_time_to_first_token_seconds_count{source=\"traffic\"})"), n => n >= 1, n => $"first tokens in Prometheus: {n}");
        await AbandonStreamAsync(chat);

        var dashboard = DashboardFile.Load("ollama-fleet.json");
        var failures = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(60),
            () => FailingQueriesAsync(prometheus, dashboard, started),
            f => f.Count == 0,
            f => "queries without data:\n" + string.Join('\n', f ?? []) + "\n" + stack.Logs());
        Assert.Empty(failures);
        Assert.Equal(56, dashboard.QueryPanels.Count());

        // Annotations mark events, so they may be empty; they must still be valid queries.
        foreach (var (name, expr) in dashboard.AnnotationQueries)
        {
            var answer = await prometheus.QueryRangeAsync(DashboardFile.Substitute(expr, ScrapeInterval, DateTimeOffset.UtcNow - started), started, DateTimeOffset.UtcNow, ScrapeInterval);
            Assert.True(answer.Succeeded, $"annotation {name}: {answer.Error}");
        }

        Assert.Equal(["Firing alerts", "Model loads"], dashboard.AnnotationQueries.Select(a => a.Name).Order());
    }

    [Fact]
    public async Task DashboardVariables_ListEveryHostAndItsModels()
    {
        await using var stack = await LocalStack.StartAsync(2, new Dictionary<string, string> { ["Monitor__Probes__Mode"] = "Off" });
        var hosts = stack.SimulatorPorts.Select(LocalStack.HostName).Order().ToArray();

        var dashboard = DashboardFile.Load("ollama-fleet.json");
        var listed = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            () => VariableValuesAsync(stack.Prometheus, dashboard, "host"),
            h => h.SequenceEqual(hosts),
            h => $"hosts: {string.Join(", ", h ?? [])}");
        var models = await VariableValuesAsync(stack.Prometheus, dashboard, "model");

        Assert.Equal(hosts, listed);
        Assert.Contains("llama3.2:latest", models);
        Assert.Contains("gemma3:4b", models);
    }

    /// <summary>What a query variable lists: its <c>label_values(selector, label)</c> with the other variables at their defaults.</summary>
    private static async Task<string[]> VariableValuesAsync(PrometheusApi prometheus, DashboardFile dashboard, string name)
    {
        var definition = dashboard.Root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == name).GetProperty("definition").GetString()!;
        var call = Regex.Match(DashboardFile.Substitute(definition, ScrapeInterval, TimeSpan.FromHours(1)), @"^label_values\((.+), (\w+)\)$");
        Assert.True(call.Success, definition);
        Assert.Equal(name, call.Groups[2].Value);
        return Strings((await prometheus.LabelValuesAsync(name, call.Groups[1].Value)).Data);
    }

    /// <summary>Reads the first line of a streamed chat and hangs up: a client that went away.</summary>
    private static async Task AbandonStreamAsync(Uri chat)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, chat)
        {
            Content = JsonContent.Create(new { model = "llama3.2", messages = new[] { new { role = "user", content = "Tell a long story." } }, options = new { num_predict = 500 } }),
        };
        // No draining of the rest for reuse: disposing the response closes the connection.
        using var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 });
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await body.ReadLineAsync());
    }

    private static async Task<List<string>> FailingQueriesAsync(PrometheusApi prometheus, DashboardFile dashboard, DateTimeOffset started)
    {
        var failures = new List<string>();
        var now = DateTimeOffset.UtcNow;
        foreach (var panel in dashboard.QueryPanels)
        {
            foreach (var query in panel.Queries)
            {
                var expr = DashboardFile.Substitute(query.Expr, ScrapeInterval, now - started);
                var answer = query.Instant
                    ? await prometheus.QueryAsync(expr)
                    : await prometheus.QueryRangeAsync(expr, started, now, ScrapeInterval);
                if (!answer.Succeeded)
                {
                    failures.Add($"{panel.Title} [{query.RefId}] error {answer.Error}: {expr}");
                }
                else if (!HasNumber(answer.Data))
                {
                    failures.Add($"{panel.Title} [{query.RefId}] no data: {expr}");
                }
            }
        }

        return failures;
    }

    /// <summary>A vector, matrix or scalar with at least one value that is a number (not NaN).</summary>
    private static bool HasNumber(JsonElement data)
    {
        var result = data.GetProperty("result");
        IEnumerable<JsonElement> values = data.GetProperty("resultType").GetString() switch
        {
            "scalar" => [result],
            "vector" => result.EnumerateArray().Select(s => s.GetProperty("value")),
            "matrix" => result.EnumerateArray().SelectMany(s => s.GetProperty("values").EnumerateArray()),
            _ => [],
        };
        return values.Any(v => double.TryParse(v[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && !double.IsNaN(x));
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!).Order()];
}
