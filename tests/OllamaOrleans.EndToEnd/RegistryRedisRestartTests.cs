using System.Net;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// Cluster mode (REDIS_CONNECTION): the registry's changes made over HTTP survive a restart of the
/// silo, with Redis as the storage; and the dashboard requires a key there unless opened.
/// </summary>
[Collection(WaitingLane4.Name)]
public sealed class RegistryRedisRestartTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private SimulatorProcess simulator = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        simulator = await SimulatorProcess.StartAsync(3);
    }

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task CreatedRelabelledAndDeletedHosts_SurviveASiloRestart()
    {
        var ports = simulator.Ports.ToArray();
        await using (var first = Start())
        {
            await first.WaitUntilReadyAsync();
            using var admin = ApiKeys.Client(first.BaseUri, ApiKeys.Admin);
            await ExpectAsync(HttpStatusCode.Created, admin.SendJsonAsync(HttpMethod.Post, "api/v1/hosts", new { name = "kept", url = $"http://127.0.0.1:{ports[1]}", labels = new { rack = "r1" } }));
            await ExpectAsync(HttpStatusCode.Created, admin.SendJsonAsync(HttpMethod.Post, "api/v1/hosts", $$"""{"name":"gone","url":"http://127.0.0.1:{{ports[2]}}"}"""));
            await ExpectAsync(HttpStatusCode.OK, admin.SendJsonAsync(HttpMethod.Put, "api/v1/hosts/kept", new { url = $"http://127.0.0.1:{ports[1]}", labels = new { rack = "r2" } }));
            await ExpectAsync(HttpStatusCode.NoContent, admin.DeleteAsync("api/v1/hosts/gone"));
            first.Process.Terminate();
            Assert.Equal(0, await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        await using var second = Start();
        await second.WaitUntilReadyAsync();
        using var reader = ApiKeys.Client(second.BaseUri, ApiKeys.Read);
        var hosts = JsonSerializer.Deserialize<JsonElement>(await reader.GetStringAsync("api/v1/hosts")).EnumerateArray().ToList();
        var kept = Assert.Single(hosts, h => h.GetProperty("name").GetString() == "kept");
        Assert.Equal("r2", kept.GetProperty("labels").GetProperty("rack").GetString());
        Assert.Equal("api", kept.GetProperty("source").GetString());
        Assert.DoesNotContain(hosts, h => h.GetProperty("name").GetString() == "gone");

        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            second.ScrapeAsync,
            s => s.Value("ollama_up", ("host", "kept")) == 1 && s.Value("ollama_host_info", ("host", "kept"), ("label_rack", "r2")) == 1,
            s => "restored host not on /metrics:\n" + s?.Text);
        Assert.DoesNotContain((await second.ScrapeAsync()).Samples, s => s["host"] == "gone");
    }

    [Fact]
    public async Task Dashboard_RequiresAnAdminKey_InClusterMode()
    {
        await using var silo = Start();
        await silo.WaitUntilReadyAsync();
        using var anonymous = ApiKeys.Client(silo.BaseUri, null);
        using var reader = ApiKeys.Client(silo.BaseUri, ApiKeys.Read);
        using var admin = ApiKeys.Client(silo.BaseUri, ApiKeys.Admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_CanBeOpenedExplicitly_InClusterMode()
    {
        await using var silo = Start(("Auth__Dashboard", "anonymous"));
        await silo.WaitUntilReadyAsync();
        using var anonymous = ApiKeys.Client(silo.BaseUri, null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("dashboard/")).StatusCode);
    }

    private SiloProcess Start(params (string Key, string Value)[] extra)
    {
        var settings = ApiKeys.Settings();
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        settings["REDIS_CONNECTION"] = redis.Connection;
        settings["Orleans__AdvertisedAddress"] = "127.0.0.1";
        settings["OLLAMA_URL"] = $"http://127.0.0.1:{simulator.BasePort}";
        settings["COLLECT_INTERVAL"] = "1";
        settings["Monitor__Probes__Mode"] = "Off";
        return SiloProcess.Start(settings);
    }

    private static async Task ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
