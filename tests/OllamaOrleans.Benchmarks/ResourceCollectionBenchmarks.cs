using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Metrics;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Silo.Resources.Proc;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// What the resource collector costs: one collection cycle for a host whose Ollama (tests/FakeOllama:
/// a server and one runner) runs on this machine, with no GPU and with 8 NVIDIA GPUs (NVML answered by
/// <see cref="BenchNvml"/>, so the driver's own time is not in it), and its parts: reading every
/// process's stat, finding the server by its port (only at start and after a restart), rendering.
/// In process: a short run's separate build does not finish within BenchmarkDotNet's timeout on a
/// loaded 2-core machine, and these operations do not need the isolation.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class ResourceCollectionBenchmarks
{
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private Process? ollama;
    private int port;
    private ProcFs proc = null!;
    private Dictionary<int, ProcStat> table = [];
    private ResourceSampler sampler = null!;
    private ResourceRegistry resources = null!;
    private IReadOnlyList<HostSnapshot> snapshots = [];

    [Params(0, 8)]
    public int Gpus { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        port = 30000 + Random.Shared.Next(20000);
        ollama = Process.Start(new ProcessStartInfo(FakeOllama(), ["serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--runner-burn", "0.1", "--runner-mb", "64"]) { RedirectStandardOutput = true })!;
        var runnerPid = int.Parse((await ollama.StandardOutput.ReadLineAsync())!.Split(' ')[2], CultureInfo.InvariantCulture);
        proc = new ProcFs(ProcFs.DefaultRoot);
        table = proc.ReadTable();

        var hosts = new HostSnapshotRegistry();
        hosts.Publish(new HostSnapshot(new HostRegistration("bench", $"http://127.0.0.1:{port}", ImmutableSortedDictionary<string, string>.Empty, HostSource.Api), true, null, null, null, [], [], 0, null));
        snapshots = hosts.Snapshots;
        IReadOnlyList<IGpuSource> sources = Gpus == 0 ? [] : [new NvmlGpuSource(() => (new BenchNvml(Gpus, runnerPid), ""))];
        resources = new ResourceRegistry();
        sampler = new ResourceSampler(
            hosts,
            new LoopbackOnly(),
            new HostAddressCache(TimeProvider.System),
            NoInferenceActivity.Instance,
            new GpuCollector(sources, NullLogger<GpuCollector>.Instance),
            resources,
            Options.Create(new ResourceOptions { IdleInterval = TimeSpan.Zero, BusyInterval = TimeSpan.Zero }),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        await sampler.CollectAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => ollama?.Kill(entireProcessTree: true);

    [Benchmark(Description = "read every process's /proc/[pid]/stat")]
    public int ReadProcessTable() => proc.ReadTable().Count;

    [Benchmark(Description = "find the server by its listening port")]
    public int? FindServer() => new ServerLocator(proc).ByPort(port, true, [], table);

    [Benchmark(Description = "one collection cycle, 1 host (server + runner)")]
    public Task<int> CollectionCycle() => sampler.CollectAsync();

    [Benchmark(Description = "render the host's resource and GPU series")]
    public int Render()
    {
        buffer.ResetWrittenCount();
        var w = new PrometheusTextWriter(buffer);
        ResourceSeriesWriter.Write(w, snapshots, resources.Get);
        GpuSeriesWriter.Write(w, snapshots, resources.Get);
        return buffer.WrittenCount;
    }

    private static string FakeOllama()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var path = Path.Combine(dir.FullName, "tests", "FakeOllama", "bin", configuration, "net10.0", "ollama");
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException("tests/FakeOllama is not built; build the solution first.");
    }

    /// <summary>Every loopback URL is on this node; nothing else is.</summary>
    private sealed class LoopbackOnly : INodeDirectory
    {
        public NodeIdentity Self => NodeIdentity.Unknown;

        public ValueTask<bool> IsLocalAsync(string url) => ValueTask.FromResult(NodeIdentity.IsLoopback(new Uri(url).DnsSafeHost));

        public ValueTask<IReadOnlyList<SiloAddress>> SilosServingAsync(string url, IReadOnlyList<SiloAddress> candidates) => ValueTask.FromResult<IReadOnlyList<SiloAddress>>([]);

        public ValueTask<SiloAddress?> BetterSiloAsync(string url, GrainId grain) => ValueTask.FromResult<SiloAddress?>(null);
    }
}
