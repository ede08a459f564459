using System.Buffers;
using BenchmarkDotNet.Attributes;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Silo.Metrics;

namespace OllamaOrleans.Benchmarks;

/// <summary>
/// What a scrape of the fleet's series costs the silo: rendering every host snapshot of the registry
/// (<see cref="SyntheticFleet"/>: 5 models per host, 2 loaded and probed) as Prometheus text.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class ExpositionBenchmarks
{
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024 * 1024);
    private IReadOnlyList<HostSnapshot> hosts = [];

    [Params(1_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup() => hosts = SyntheticFleet.Build(Hosts);

    [Benchmark(Description = "render the fleet's exposition")]
    public int Render()
    {
        buffer.ResetWrittenCount();
        FleetExposition.Write(buffer, hosts);
        return buffer.WrittenCount;
    }
}
