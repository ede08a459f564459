using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>Start-up and shutdown of the silo process: bad settings, ports in use, signals, an unreachable Ollama.</summary>
[Collection(WaitingLane4.Name)]
public sealed class SiloStartupTests
{
    [Theory]
    [InlineData("OLLAMA_URL", "not-a-url", "OLLAMA_URL: 'not-a-url' is not an absolute http:// or https:// URL")]
    [InlineData("COLLECT_INTERVAL", "0", "COLLECT_INTERVAL: '0' must be a whole number of seconds greater than 0.")]
    [InlineData("Orleans__SiloPort", "http", "Orleans:SiloPort: 'http' must be a whole number from 1 to 65535.")]
    [InlineData("Monitor__GrafanaUrl", "grafana:3000", "Monitor:GrafanaUrl: 'grafana:3000' is not an absolute http:// or https:// URL")]
    public async Task InvalidSetting_ExitsWithCode2NamingTheSetting(string key, string value, string message)
    {
        await using var silo = SiloProcess.Start(new Dictionary<string, string> { [key] = value });

        var exit = await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains(silo.Process.Output, l => l.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(silo.Process.Output, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeveralInvalidSettings_AreAllNamed_NotJustTheFirstRead()
    {
        await using var silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["Monitor__ListenAddress"] = "bad",
            ["Auth__Keys__0__Name"] = "ops",
            ["Auth__Keys__0__Hash"] = "not-a-hash",
            ["Gateway__UpstreamTimeout"] = "soon",
        });

        Assert.Equal(2, await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(
            [
                "  Monitor:ListenAddress: 'bad' must be *, localhost or an IP address.",
                "  Auth:Keys:0:Hash: must be the key's SHA-256 as 64 hex digits (`dotnet OllamaOrleans.Silo.dll --new-key` makes a key and its hash; `printf %s KEY | sha256sum` hashes one).",
                "  Gateway:UpstreamTimeout: 'soon' is not a duration; write it as hh:mm:ss, for example 00:00:30.",
            ],
            silo.Process.Output.SkipWhile(l => !l.Contains("cannot start", StringComparison.Ordinal)).Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("EXPORTER_PORT", "Failed to bind to address http://[::]:{0}: address already in use.")]
    [InlineData("Orleans__SiloPort", "Address already in use")]
    public async Task PortHeldByAnotherProcess_ExitsWithCode3NamingTheBindError_NotACrash(string key, string bindError)
    {
        var held = FreePorts.One();
        using var holder = new TcpListener(IPAddress.Any, held);
        holder.Start();
        await using var silo = SiloProcess.Start(new Dictionary<string, string> { [key] = held.ToString(CultureInfo.InvariantCulture), ["OLLAMA_URL"] = $"http://127.0.0.1:{FreePorts.One()}" });

        var exit = await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exit);
        var report = silo.Process.Output.SkipWhile(l => !l.StartsWith("OllamaOrleans cannot start: a port it listens on is in use by another process.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["  " + string.Format(CultureInfo.InvariantCulture, bindError, held), "  Stop that process or choose free ports with EXPORTER_PORT, Orleans:SiloPort, Orleans:GatewayPort and Gateway:Listeners."],
            report.Skip(1).Take(2));
        // The monitor's background services end quietly when the failed start stops them; the host may
        // still log a "crit" for a service it cancelled before it ran, which names none of ours.
        Assert.DoesNotContain(silo.Process.Output, l => (l.Contains("crit:", StringComparison.Ordinal) && l.Contains("at OllamaOrleans.", StringComparison.Ordinal)) || l.StartsWith("Unhandled exception", StringComparison.Ordinal));
        Assert.DoesNotContain(silo.Process.Output, l => l.Contains("An error occurred stopping the application", StringComparison.Ordinal));
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
