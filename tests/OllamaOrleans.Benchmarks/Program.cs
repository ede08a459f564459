using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OllamaOrleans.Benchmarks;
using OllamaOrleans.GrainInterfaces;
using OllamaOrleans.Grains.Placement;
using OllamaOrleans.Grains.Registry;
using OllamaOrleans.Silo.Metrics;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;
using OllamaOrleans.Silo.Resources.Proc;

// CPU cost of the resource collector: dotnet run -c Release --project tests/OllamaOrleans.Benchmarks
// Starts tests/FakeOllama (a server and one runner) on a loopback port, then times each part of a
// collection cycle and a whole cycle, with no GPU and with 8 (simulated) NVIDIA GPUs.
var port = 30000 + Random.Shared.Next(20000);
var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
var fake = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "FakeOllama", "bin", configuration, "net10.0", "ollama");
using var ollama = Process.Start(new ProcessStartInfo(fake, ["serve", "--port", $"{port}", "--runner-burn", "0.1", "--runner-mb", "64"]) { RedirectStandardOutput = true })!;
var ready = (await ollama.StandardOutput.ReadLineAsync())!.Split(' ');
var runnerPid = int.Parse(ready[2], System.Globalization.CultureInfo.InvariantCulture);
try
{
    var proc = new ProcFs(ProcFs.DefaultRoot);
    var table = proc.ReadTable();
    Console.WriteLine($"{Environment.ProcessorCount} cores, {table.Count} processes in /proc, .NET {Environment.Version}");
    Console.WriteLine();
    Console.WriteLine("| operation | iterations | wall per op | CPU per op | allocated per op |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");

    await Measure.RunAsync("read the process table (/proc/[pid]/stat of every process)", 200, () => Task.FromResult(proc.ReadTable()));
    var locator = new ServerLocator(proc);
    await Measure.RunAsync("find the server by its listening port (net/tcp + fd scan; only at start and after a restart)", 20, () => Task.FromResult(locator.ByPort(port, true, [], table)));

    foreach (var gpus in new[] { 0, 8 })
    {
        var hosts = new HostSnapshotRegistry();
        hosts.Publish(new HostSnapshot(new HostRegistration("bench", $"http://127.0.0.1:{port}", ImmutableSortedDictionary<string, string>.Empty, HostSource.Api), true, null, null, null, [], [], 0, null));
        IReadOnlyList<IGpuSource> sources = gpus == 0 ? [] : [new NvmlGpuSource(() => (new BenchNvml(gpus, runnerPid), ""))];
        var resources = new ResourceRegistry();
        var sampler = new ResourceSampler(
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
        await Measure.RunAsync($"one collection cycle: 1 host (server + 1 runner), {gpus} GPUs", 200, sampler.CollectAsync);

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var snapshots = hosts.Snapshots;
        await Measure.RunAsync($"render its resource and GPU series on a scrape, {gpus} GPUs", 2000, () =>
        {
            buffer.ResetWrittenCount();
            var w = new PrometheusTextWriter(buffer);
            ResourceSeriesWriter.Write(w, snapshots, resources.Get);
            GpuSeriesWriter.Write(w, snapshots, resources.Get);
            return Task.CompletedTask;
        });
    }
}
finally
{
    ollama.Kill(entireProcessTree: true);
}

/// <summary>Every loopback URL is on this node; nothing else is.</summary>
internal sealed class LoopbackOnly : INodeDirectory
{
    public NodeIdentity Self => NodeIdentity.Unknown;

    public ValueTask<bool> IsLocalAsync(string url) => ValueTask.FromResult(NodeIdentity.IsLoopback(new Uri(url).DnsSafeHost));

    public ValueTask<IReadOnlyList<SiloAddress>> SilosServingAsync(string url, IReadOnlyList<SiloAddress> candidates) => ValueTask.FromResult<IReadOnlyList<SiloAddress>>([]);

    public ValueTask<SiloAddress?> BetterSiloAsync(string url) => ValueTask.FromResult<SiloAddress?>(null);
}
