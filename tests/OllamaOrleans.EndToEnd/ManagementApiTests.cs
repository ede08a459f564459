using System.Net;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// The "done when", on a real silo and simulator: an operator with an admin key registers,
/// relabels and removes a host over HTTP and sees it on <c>/metrics</c> within a poll interval; a read
/// key cannot change anything; the cloud metadata address is refused.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ManagementApiTests : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>A poll interval, the first poll's start jitter (up to 2 s), and a scrape.</summary>
    private static readonly TimeSpan Deadline = PollInterval + TimeSpan.FromSeconds(3);

    private SimulatorProcess simulator = null!;
    private SiloProcess silo = null!;
    private HttpClient admin = null!;
    private HttpClient reader = null!;
    private HttpClient anonymous = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(2);
        var settings = ApiKeys.Settings();
        settings["OLLAMA_URL"] = $"http://127.0.0.1:{simulator.BasePort}";
        settings["COLLECT_INTERVAL"] = ((int)PollInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Monitor__Probes__Mode"] = "Off";
        silo = SiloProcess.Start(settings);
        await silo.WaitUntilReadyAsync();
        admin = ApiKeys.Client(silo.BaseUri, ApiKeys.Admin);
        reader = ApiKeys.Client(silo.BaseUri, ApiKeys.Read);
        anonymous = ApiKeys.Client(silo.BaseUri, null);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        reader.Dispose();
        anonymous.Dispose();
        await silo.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task AdminKey_RegistersRelabelsAndRemovesAHost_SeenOnMetricsWithinAPollInterval()
    {
        const string name = "e2e-added";
        var url = $"http://127.0.0.1:{simulator.BasePort + 1}";

        using (var created = await admin.SendJsonAsync(HttpMethod.Post, "api/v1/hosts", new { name, url, labels = new { rack = "r1" } }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        await Eventually.WithinAsync(
            Deadline,
            silo.ScrapeAsync,
            s => s.Value("ollama_up", ("host", name)) == 1 && s.Value("ollama_host_info", ("host", name), ("registration", "api"), ("label_rack", "r1")) == 1,
            s => "registered host not on /metrics:\n" + s?.Text);

        using (var updated = await admin.SendJsonAsync(HttpMethod.Put, $"api/v1/hosts/{name}", new { url, labels = new { rack = "r2", team = "ml" } }))
        {
            Assert.True(updated.StatusCode == HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        }

        await Eventually.WithinAsync(
            Deadline,
            silo.ScrapeAsync,
            s => s.Value("ollama_host_info", ("host", name), ("label_rack", "r2"), ("label_team", "ml")) == 1 && s.Named("ollama_host_info").Count(x => x["host"] == name) == 1,
            s => "relabelled host not on /metrics:\n" + s?.Text);

        using (var deleted = await admin.DeleteAsync($"api/v1/hosts/{name}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Eventually.WithinAsync(
            Deadline,
            silo.ScrapeAsync,
            s => s.Samples.All(x => x["host"] != name),
            s => "removed host still on /metrics:\n" + s?.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"api/v1/hosts/{name}")).StatusCode);
    }

    [Fact]
    public async Task ReadKey_ReadsButCannotMutate_AndNoKeyIs401()
    {
        var configured = $"127.0.0.1:{simulator.BasePort}";
        var before = await HostNamesAsync();
        var body = $$"""{"name":"e2e-read","url":"http://127.0.0.1:{{simulator.BasePort + 1}}"}""";

        await AssertProblemAsync(await reader.SendJsonAsync(HttpMethod.Post, "api/v1/hosts", body), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await reader.SendJsonAsync(HttpMethod.Put, $"api/v1/hosts/{configured}", body), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await reader.DeleteAsync($"api/v1/hosts/{configured}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await anonymous.SendJsonAsync(HttpMethod.Post, "api/v1/hosts", body), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await anonymous.GetAsync("api/v1/hosts"), HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("api/v1/fleet")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("openapi/v1.json")).StatusCode);
        Assert.Equal(before, await HostNamesAsync());
        Assert.Contains(configured, before);
    }

    [Fact]
    public async Task MetadataAddress_IsRefused_OnRegistrationAndOnProbe()
    {
        var before = await HostNamesAsync();

        var problem = await AssertProblemAsync(
            await admin.SendJsonAsync(HttpMethod.Post, "api/v1/hosts", """{"name":"imds","url":"http://169.254.169.254/"}"""), HttpStatusCode.BadRequest);
        Assert.Equal("url", problem.GetProperty("field").GetString());
        Assert.Contains("metadata", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var probe = await AssertProblemAsync(await admin.GetAsync("probe?target=169.254.169.254:80"), HttpStatusCode.BadRequest);
        Assert.Equal("target", probe.GetProperty("field").GetString());
        Assert.Equal(before, await HostNamesAsync());
    }

    private async Task<string[]> HostNamesAsync()
    {
        var hosts = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("api/v1/hosts"));
        return [.. hosts.EnumerateArray().Select(h => h.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
    }
}
