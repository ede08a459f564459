using System.Buffers.Binary;
using System.Net.Http.Json;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// The fleet page at <c>/</c> in a real headless Chromium (tests/browser), against a silo watching
/// three simulated hosts: a host taken down turns red on the open page by the page's own refresh, and
/// the README's picture is taken with models loaded and traffic through the gateway
/// (<c>artifacts/screenshots/fleet-page.png</c>; copy it to <c>docs/images/fleet-page.png</c> to refresh the README).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FleetPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private SimulatorProcess simulator = null!;
    private SiloProcess silo = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorProcess.StartAsync(3);
        silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = simulator.OllamaUrls,
            ["COLLECT_INTERVAL"] = "2",
            ["Monitor__Probes__Mode"] = "Off",
            ["Monitor__GrafanaUrl"] = "http://localhost:3000/d/ollama-fleet",
        });
        await silo.WaitUntilReadyAsync();
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            silo.ScrapeAsync,
            s => simulator.Ports.All(p => s.Value("ollama_up", ("host", Name(p))) == 1),
            s => s?.Text ?? "no scrape");
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await simulator.DisposeAsync();
    }

    private static string Name(int port) => $"127.0.0.1:{port}";

    [Fact]
    public async Task HostTakenDown_TurnsRedOnTheOpenPage_WithoutAReload()
    {
        var port = simulator.BasePort + 1;
        await using var browser = BrowserScript.Start("watch", silo.BaseUri.AbsoluteUri, Name(port), "60000");
        await BrowserScript.WaitForEventAsync(browser, "up", TimeSpan.FromSeconds(60));

        await simulator.SetFaultAsync(port, "down");

        // One interval for the host grain's next poll to fail, half of one for the page's next refresh.
        var down = await BrowserScript.WaitForEventAsync(browser, "down", 2 * Interval);
        Assert.True(down.GetProperty("sameDocument").GetBoolean(), "the page refreshed itself in place");
        Assert.Equal("rgb(198, 40, 40)", down.GetProperty("badge").GetString());
        Assert.Equal("rgb(253, 236, 234)", down.GetProperty("row").GetString());
        Assert.Equal("down", down.GetProperty("badgeText").GetString());
        Assert.Equal("/api/version: connection refused", down.GetProperty("error").GetString());
        Assert.Equal("1 down – OllamaOrleans fleet", down.GetProperty("title").GetString());
        Assert.Equal(0, await browser.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Screenshot_ThreeHostsWithModelsLoadedTrafficAndOneDown()
    {
        int[] ports = [.. simulator.Ports];
        await simulator.LoadAsync(ports[0], "llama3.2");
        await simulator.LoadAsync(ports[0], "qwen2.5:7b");
        await simulator.LoadAsync(ports[1], "gemma3:4b");
        await simulator.LoadAsync(ports[2], "llama3.2");
        await Task.WhenAll(
            GenerateAsync(ports[0], "llama3.2", 4),
            GenerateAsync(ports[2], "llama3.2", 2),
            GenerateAsync(ports[0], "qwen2.5:7b", 3),
            GenerateAsync(ports[1], "gemma3:4b", 2));
        await simulator.SetFaultAsync(ports[2], "down");
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            () => Http.GetStringAsync(silo.BaseUri),
            html => html.Contains($"data-host=\"{Name(ports[2])}\" data-state=\"down\"", StringComparison.Ordinal)
                && html.Contains("<tr data-model=\"llama3.2:latest\"><td>llama3.2:latest</td><td class=\"num\">2</td><td class=\"num\">6</td>", StringComparison.Ordinal)
                && html.Contains("<tr data-model=\"qwen2.5:7b\"><td>qwen2.5:7b</td><td class=\"num\">1</td><td class=\"num\">3</td>", StringComparison.Ordinal)
                && html.Contains("<tr data-model=\"gemma3:4b\"><td>gemma3:4b</td><td class=\"num\">1</td><td class=\"num\">2</td>", StringComparison.Ordinal),
            html => html ?? "no page");
        var file = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "fleet-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file);

        await using var browser = BrowserScript.Start("screenshot", silo.BaseUri.AbsoluteUri, file, "60000");
        var shot = await BrowserScript.WaitForEventAsync(browser, "screenshot", TimeSpan.FromSeconds(60));

        Assert.Equal(0, await browser.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(
            [[Name(ports[2]), "down"], [Name(ports[0]), "up"], [Name(ports[1]), "up"]],
            shot.GetProperty("hosts").EnumerateArray().Select(h => h.EnumerateArray().Select(x => x.GetString()!).ToArray()));
        Assert.Equal(["llama3.2:latest", "qwen2.5:7b", "gemma3:4b"], shot.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        var png = await File.ReadAllBytesAsync(file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }

    private async Task GenerateAsync(int port, string model, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            using var response = await Http.PostAsJsonAsync(new Uri(silo.BaseUri, $"h/{Name(port)}/api/generate"), new { model, prompt = "Why is the sky blue?", stream = false });
            response.EnsureSuccessStatusCode();
        }
    }
}
