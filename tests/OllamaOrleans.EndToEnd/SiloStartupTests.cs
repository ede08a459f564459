using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>Start-up and shutdown of the silo process: bad settings, signals, an unreachable Ollama.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SiloStartupTests
{
    [Theory]
    [InlineData("OLLAMA_URL", "not-a-url", "OLLAMA_URL: 'not-a-url' is not an absolute http:// or https:// URL")]
    [InlineData("COLLECT_INTERVAL", "0", "COLLECT_INTERVAL: '0' must be a whole number of seconds greater than 0.")]
    [InlineData("Orleans__SiloPort", "http", "Orleans:SiloPort: 'http' must be a whole number from 1 to 65535.")]
    public async Task InvalidSetting_ExitsWithCode2NamingTheSetting(string key, string value, string message)
    {
        await using var silo = SiloProcess.Start(new Dictionary<string, string> { [key] = value });

        var exit = await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains(silo.Process.Output, l => l.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(silo.Process.Output, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableOllama_IsLoggedOnce_AndPollingGoesOn()
    {
        var port = FreePorts.One();
        await using var silo = SiloProcess.Start(new Dictionary<string, string> { ["OLLAMA_URL"] = $"http://127.0.0.1:{port}", ["COLLECT_INTERVAL"] = "1" });
        await silo.WaitUntilReadyAsync();

        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(15),
            silo.ScrapeAsync,
            s => s.Value("ollama_poll_errors_total", ("host", $"127.0.0.1:{port}"), ("endpoint", "/api/version"), ("reason", "refused")) >= 4,
            s => s?.Text ?? "no scrape");

        Assert.Equal(0, scrape.Value("ollama_up", ("host", $"127.0.0.1:{port}")));
        Assert.Single(silo.Process.Output, l => l.Contains("is not reachable: /api/version: connection refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_StopsTheSiloCleanly()
    {
        await using var silo = SiloProcess.Start(new Dictionary<string, string> { ["OLLAMA_URL"] = $"http://127.0.0.1:{FreePorts.One()}" });
        await silo.WaitUntilReadyAsync();

        silo.Process.Terminate();

        Assert.Equal(0, await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
