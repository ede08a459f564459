using System.Globalization;
using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// Issue 7's acceptance run on a machine without a GPU: a runner-like child of an "ollama" server on
/// this node shows up in the silo's scrape under the host and role, follows a restart, and the node
/// says once that it has no GPU. The GPU sources are pointed at nothing, so the result does not
/// depend on the machine the tests run on.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ResourceMonitoringTests : IAsyncLifetime
{
    private const double HeldBytes = 64 << 20;
    private readonly string emptySys = Directory.CreateTempSubdirectory("sys-").FullName;
    private FakeOllamaProcess ollama = null!;
    private SiloProcess silo = null!;

    private string Host => $"127.0.0.1:{ollama.Port}";

    public async Task InitializeAsync()
    {
        ollama = await FakeOllamaProcess.StartAsync(FreePorts.One());
        silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["OLLAMA_URL"] = $"http://127.0.0.1:{ollama.Port}",
            ["COLLECT_INTERVAL"] = "2",
            ["Resources__IdleInterval"] = "00:00:00.5",
            ["Resources__BusyInterval"] = "00:00:00.25",
            ["Resources__NvmlLibrary"] = "/nonexistent/libnvidia-ml.so.1",
            ["Resources__SysRoot"] = emptySys,
        });
        await silo.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await ollama.DisposeAsync();
        Directory.Delete(emptySys, recursive: true);
    }

    private double? Cpu(Exposition s, string role) =>
        s.Value("ollama_cpu_seconds_total", ("host", Host), ("role", role), ("state", "busy")) + s.Value("ollama_cpu_seconds_total", ("host", Host), ("role", role), ("state", "idle"));

    [Fact]
    public async Task RunnerLikeChild_CpuAndMemoryUnderItsHostAndRole_NoGpuSaidOnce_AndARestartIsFollowed()
    {
        var scrape = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            silo.ScrapeAsync,
            s => s.Value("ollama_memory_usage_bytes", ("host", Host), ("role", "runner")) >= HeldBytes && Cpu(s, "runner") >= 0.3,
            s => s?.Text ?? "no scrape");

        Assert.Equal(1, scrape.Value("ollama_resources_local", ("host", Host)));
        Assert.Equal(1, scrape.Value("ollama_processes", ("host", Host), ("role", "server")));
        Assert.Equal(1, scrape.Value("ollama_processes", ("host", Host), ("role", "runner")));
        Assert.True(scrape.Value("ollama_cpu_usage_percent", ("host", Host), ("role", "runner")) > 0);
        Assert.True(scrape.Value("ollama_memory_usage_bytes", ("host", Host), ("role", "server")) < scrape.Value("ollama_memory_usage_bytes", ("host", Host), ("role", "runner")));
        Assert.Equal(0, scrape.Value("ollama_gpu_available", ("host", Host)));
        Assert.Empty(scrape.Named("ollama_gpu_usage_percent"));
        Assert.Equal(1, scrape.Value("ollama_up", ("host", Host)));

        var before = Cpu(scrape, "runner")!.Value;
        var oldServer = ollama.ServerPid;
        await ollama.KillAsync();
        ollama = await FakeOllamaProcess.StartAsync(ollama.Port);
        var restarted = await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            silo.ScrapeAsync,
            s => Cpu(s, "runner") >= before + 0.3 && s.Value("ollama_processes", ("host", Host), ("role", "runner")) == 1,
            s => s?.Text ?? "no scrape");

        Assert.True(restarted.Value("ollama_memory_usage_bytes", ("host", Host), ("role", "runner")) >= HeldBytes);
        Assert.Single(silo.Process.Output, l => l.Contains("No GPU on this node", StringComparison.Ordinal));
        Assert.Single(silo.Process.Output, l => l.Contains($"Ollama server process {oldServer} has exited", StringComparison.Ordinal));
        Assert.Single(silo.Process.Output, l => l.Contains($"its Ollama server is process {ollama.ServerPid} (found by listening port {ollama.Port})", StringComparison.Ordinal));

        var (exit, output) = await Promtool.CheckMetricsAsync(restarted.Text);
        Assert.True(exit == 0, $"promtool check metrics failed ({exit}):\n{output}");
    }
}
