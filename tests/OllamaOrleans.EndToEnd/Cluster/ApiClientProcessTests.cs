using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd.Cluster;

/// <summary>The api process as an Orleans client of a two-silo cluster.</summary>
[Collection(WaitingLane4.Name)]
public sealed class ApiClientProcessTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task ApiProcess_ProxiesThroughTheCluster_TrafficRecordsReachTheModelGrains()
    {
        await using var rig = await ClusterRig.StartAsync(silos: 2, hosts: 2);
        await rig.SettledAsync(TimeSpan.FromSeconds(60));
        var port = FreePorts.One();
        await using var api = ChildProcess.Start(RepositoryPaths.ApiDll, new Dictionary<string, string>
        {
            ["REDIS_CONNECTION"] = rig.Redis.Connection,
            ["Orleans__ClusterId"] = "e2e",
            ["Orleans__ServiceId"] = "e2e",
            ["API_PORT"] = port.ToString(CultureInfo.InvariantCulture),
        });
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        var host = rig.Hosts[1];

        // The api process knows the hosts only through the cluster (the fleet and host grains).
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(60),
            async () => api.HasExited ? throw new InvalidOperationException("api exited:\n" + api.OutputText) : (await Http.GetAsync(new Uri(baseUri, $"h/{host}/api/version"))).StatusCode,
            status => status == HttpStatusCode.OK,
            status => $"{status}\n{api.OutputText}");

        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.PostAsJsonAsync(new Uri(baseUri, $"h/{host}/api/generate"), new { model = "llama3.2", prompt = "hi", stream = false });
            response.EnsureSuccessStatusCode();
        }

        // The measurements went from the api process to the model grain, and out of the silo holding the host.
        var owner = (await rig.SettledAsync(TimeSpan.FromSeconds(30)))[host][0];
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            rig.Silos[owner].ScrapeAsync,
            s => Traffic(s, host) == 3,
            s => $"traffic requests of {host}: {(s is null ? 0 : Traffic(s, host))}\napi:\n{api.OutputText}");
        var apiMetrics = Exposition.Parse(await Http.GetStringAsync(new Uri(baseUri, "metrics")));
        Assert.Equal(3, apiMetrics.Named("ollama_gateway_requests_total").Where(s => s["host"] == host && s["endpoint"] == "generate").Sum(s => s.Value));
        Assert.True(apiMetrics.Value("process_open_handles") > 0, "the api process's own process series are missing");
        Assert.Empty(apiMetrics.NamesOutside(Exposition.MonitorPrefixes));
        Assert.Equal(0, (await rig.Silos[1 - owner].ScrapeAsync()).Named("ollama_requests_total").Count(s => s["host"] == host));

        // The management API answers from the same grains; /probe writes a silo's exposition and is theirs.
        var hosts = await Http.GetFromJsonAsync<JsonElement>(new Uri(baseUri, "api/v1/hosts"));
        Assert.Equal(rig.Hosts.Order(), hosts.EnumerateArray().Select(h => h.GetProperty("name").GetString()!).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(baseUri, $"probe?target={host}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(rig.Silos[owner].BaseUri, $"probe?target={host}"))).StatusCode);

        // Ready while the cluster answers; with every silo gone it says so, and stays alive.
        Assert.Equal("ready", await Http.GetStringAsync(new Uri(baseUri, "ready")));
        foreach (var silo in rig.Silos)
        {
            silo.Process.KillHard();
        }

        var (_, body) = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(60),
            async () =>
            {
                using var response = await Http.GetAsync(new Uri(baseUri, "ready"));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            },
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
            r => $"{r.StatusCode} {r.Item2}\n{api.OutputText}");
        Assert.Matches("^not ready: the hosts were last read from the cluster [0-9]+ s ago \\(over 15 s\\): no silo answers$", body);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(baseUri, "healthz"))).StatusCode);
    }

    [Fact]
    public async Task ApiProcess_BadSetting_ExitsWithCode2_NamingTheSetting()
    {
        await using var api = ChildProcess.Start(RepositoryPaths.ApiDll, new Dictionary<string, string>
        {
            ["API_PORT"] = FreePorts.One().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.One().ToString(CultureInfo.InvariantCulture),
            ["Auth__Keys__0__Name"] = "ops",
            ["Auth__Keys__0__Hash"] = "not-a-hash",
            ["Gateway__UpstreamTimeout"] = "soon",
        });

        Assert.Equal(2, await api.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("OllamaOrleans cannot start: invalid configuration.", api.OutputText, StringComparison.Ordinal);
        Assert.Contains("Auth:Keys:0:Hash: must be the key's SHA-256 as 64 hex digits", api.OutputText, StringComparison.Ordinal);
        Assert.Contains("Gateway:UpstreamTimeout: 'soon' is not a duration", api.OutputText, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", api.OutputText, StringComparison.Ordinal);
    }

    private static double Traffic(Exposition s, string host) =>
        s.Named("ollama_requests_total").Where(x => x["host"] == host && x["source"] == "traffic").Sum(x => x.Value);
}
