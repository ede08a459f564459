using System.Net;
using System.Text.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// The switches of the other surfaces on a real silo (embedded default): <c>Auth:Metrics=read</c>
/// puts <c>/metrics</c> behind a key, <c>Gateway:RequireKey</c> the gateway (answering Ollama's own
/// error shape), whose usage is then counted per key; the dashboard stays open in the embedded default;
/// the fleet page at <c>/</c> follows the API's reads.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class SurfaceAuthTests : IAsyncLifetime
{
    private SimulatorProcess simulator = null!;
    private SiloProcess silo = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(1);
        var settings = ApiKeys.Settings();
        settings["OLLAMA_URL"] = simulator.OllamaUrls;
        settings["COLLECT_INTERVAL"] = "1";
        settings["Monitor__Probes__Mode"] = "Off";
        settings["Auth__Metrics"] = "read";
        settings["Gateway__RequireKey"] = "true";
        silo = SiloProcess.Start(settings);
        await silo.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_NeedsAKey_WhenSetToRead()
    {
        using var anonymous = ApiKeys.Client(silo.BaseUri, null);
        using var reader = ApiKeys.Client(silo.BaseUri, ApiKeys.Read);

        using var refused = await anonymous.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        await WaitUntilUpAsync(reader);
    }

    [Fact]
    public async Task Dashboard_IsOpen_InTheEmbeddedDefault()
    {
        using var anonymous = ApiKeys.Client(silo.BaseUri, null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Gateway_RequiresAKey_AndCountsUsagePerKey()
    {
        var path = $"h/127.0.0.1:{simulator.BasePort}/api/generate";
        var body = new { model = "llama3.2", prompt = "hello", stream = false };
        using var anonymous = ApiKeys.Client(silo.BaseUri, null);
        using var reader = ApiKeys.Client(silo.BaseUri, ApiKeys.Read);

        using (var refused = await anonymous.SendJsonAsync(HttpMethod.Post, path, body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var error = JsonSerializer.Deserialize<JsonElement>(await refused.Content.ReadAsStringAsync());
            Assert.Contains("API key", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        await WaitUntilUpAsync(reader);
        using (var answered = await reader.SendJsonAsync(HttpMethod.Post, path, body))
        {
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }

        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            async () => Exposition.Parse(await reader.GetStringAsync("metrics")),
            s => s.Value("ollama_client_requests_total", ("client", "viewer"), ("status_class", "2xx")) >= 1,
            s => "no usage counted for the key 'viewer':\n" + s?.Text);
    }

    [Fact]
    public async Task FleetPage_NeedsAKey_AsTheApiReadsDo_TheBrowsersBasicPasswordIncluded()
    {
        using var anonymous = ApiKeys.Client(silo.BaseUri, null);
        using var reader = ApiKeys.Client(silo.BaseUri, ApiKeys.Read);
        using var browser = ApiKeys.Client(silo.BaseUri, null);
        browser.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("anyone:" + ApiKeys.Read)));

        using var refused = await anonymous.GetAsync("");
        using var page = await reader.GetAsync("");
        using var basic = await browser.GetAsync("?page=1");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Basic realm=\"OllamaOrleans\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains($"data-host=\"127.0.0.1:{simulator.BasePort}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
    }

    private async Task WaitUntilUpAsync(HttpClient reader)
    {
        var host = $"127.0.0.1:{simulator.BasePort}";
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            async () => Exposition.Parse(await reader.GetStringAsync("metrics")),
            s => s.Value("ollama_up", ("host", host)) == 1,
            s => "no ollama_up with a read key:\n" + s?.Text);
    }
}
