using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Silo.Metrics;
using OllamaOrleans.Silo.Resources;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Tests.Silo.Metrics;

public sealed class ResourceExpositionTests
{
    private static readonly DateTimeOffset SampledAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static readonly GpuReading H200 = new(
        0, "nvidia", "GPU-5e3a4c1d-0000-4b1e-9f00-000000000001", "NVIDIA H200", "570.86.15", 87, 42949672960, 151397597184, 61, 412.5, 98765.25, [new GpuProcessUsage(4321, 40802189312)]);

    private static HostSnapshot Host(string name) => new(
        new HostRegistration(name, $"http://{name}:11434/", ImmutableSortedDictionary<string, string>.Empty, HostSource.Configuration),
        true, "0.32.15", SampledAt, SampledAt, [], [], 0, null);

    private static HostResources Local(string name, GpuNodeReading gpus, bool serverFound = true) => new(
        name,
        SampledAt,
        serverFound ? 4000 : null,
        serverFound ? [4321] : [],
        new RoleFigures(serverFound ? 1 : 0, serverFound ? 2.5 : null, 0.25, 12, serverFound ? 52428800 : 0, 4096),
        new RoleFigures(serverFound ? 1 : 0, serverFound ? 95.5 : null, 30.5, 1.5, serverFound ? 3221225472 : 0, null),
        20,
        580,
        gpus,
        [.. gpus.Gpus.Select(g => new GpuHostFigures(g.Index, 15.5, 0.5, 0, 40802189312))]);

    private static string Render(IReadOnlyList<HostSnapshot> hosts, params HostResources[] local)
    {
        var buffer = new ArrayBufferWriter<byte>();
        FleetExposition.Write(buffer, hosts, h => local.FirstOrDefault(r => r.Host == h));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string[] Samples(string text, string family) =>
        [.. text.Split('\n').Where(l => l.StartsWith(family + "{", StringComparison.Ordinal) || l.StartsWith(family + " ", StringComparison.Ordinal))];

    [Fact]
    public void LocalHost_ProcessSeriesPerRole_RemoteHostOnlySaysItIsNotLocal()
    {
        var text = Render([Host("gpu1"), Host("remote")], Local("gpu1", new GpuNodeReading(true, [H200])));

        Assert.Equal(["ollama_resources_local{host=\"gpu1\"} 1", "ollama_resources_local{host=\"remote\"} 0"], Samples(text, "ollama_resources_local"));
        Assert.Equal(["ollama_processes{host=\"gpu1\",role=\"server\"} 1", "ollama_processes{host=\"gpu1\",role=\"runner\"} 1"], Samples(text, "ollama_processes"));
        Assert.Equal(["ollama_cpu_usage_percent{host=\"gpu1\",role=\"server\"} 2.5", "ollama_cpu_usage_percent{host=\"gpu1\",role=\"runner\"} 95.5"], Samples(text, "ollama_cpu_usage_percent"));
        Assert.Equal(
            [
                "ollama_cpu_seconds_total{host=\"gpu1\",role=\"server\",state=\"busy\"} 0.25",
                "ollama_cpu_seconds_total{host=\"gpu1\",role=\"server\",state=\"idle\"} 12",
                "ollama_cpu_seconds_total{host=\"gpu1\",role=\"runner\",state=\"busy\"} 30.5",
                "ollama_cpu_seconds_total{host=\"gpu1\",role=\"runner\",state=\"idle\"} 1.5",
            ],
            Samples(text, "ollama_cpu_seconds_total"));
        Assert.Equal(["ollama_memory_usage_bytes{host=\"gpu1\",role=\"server\"} 52428800", "ollama_memory_usage_bytes{host=\"gpu1\",role=\"runner\"} 3221225472"], Samples(text, "ollama_memory_usage_bytes"));
        Assert.Equal(["ollama_disk_read_bytes_total{host=\"gpu1\",role=\"server\"} 4096"], Samples(text, "ollama_disk_read_bytes_total"));
        Assert.Equal(["ollama_activity_seconds_total{host=\"gpu1\",state=\"busy\"} 20", "ollama_activity_seconds_total{host=\"gpu1\",state=\"idle\"} 580"], Samples(text, "ollama_activity_seconds_total"));
        Assert.Equal(["ollama_resource_last_sample_timestamp_seconds{host=\"gpu1\"} 1800000000"], Samples(text, "ollama_resource_last_sample_timestamp_seconds"));
    }

    [Fact]
    public void LocalHostWithAGpu_GpuSeriesUnderTheHost_InfoCarriesDcgmsUuidLabel()
    {
        var text = Render([Host("gpu1")], Local("gpu1", new GpuNodeReading(true, [H200])));

        Assert.Equal(["ollama_gpu_available{host=\"gpu1\"} 1"], Samples(text, "ollama_gpu_available"));
        Assert.Equal(
            ["ollama_gpu_info{host=\"gpu1\",gpu_id=\"0\",vendor=\"nvidia\",UUID=\"GPU-5e3a4c1d-0000-4b1e-9f00-000000000001\",name=\"NVIDIA H200\",driver_version=\"570.86.15\"} 1"],
            Samples(text, "ollama_gpu_info"));
        Assert.Equal(["ollama_gpu_usage_percent{host=\"gpu1\",gpu_id=\"0\"} 87"], Samples(text, "ollama_gpu_usage_percent"));
        Assert.Equal(
            ["ollama_gpu_memory_bytes{host=\"gpu1\",gpu_id=\"0\",type=\"used\"} 42949672960", "ollama_gpu_memory_bytes{host=\"gpu1\",gpu_id=\"0\",type=\"total\"} 151397597184"],
            Samples(text, "ollama_gpu_memory_bytes"));
        Assert.Equal(["ollama_gpu_temperature_celsius{host=\"gpu1\",gpu_id=\"0\"} 61"], Samples(text, "ollama_gpu_temperature_celsius"));
        Assert.Equal(["ollama_gpu_power_watts{host=\"gpu1\",gpu_id=\"0\"} 412.5"], Samples(text, "ollama_gpu_power_watts"));
        Assert.Equal(["ollama_gpu_energy_joules_total{host=\"gpu1\",gpu_id=\"0\"} 98765.25"], Samples(text, "ollama_gpu_energy_joules_total"));
        Assert.Equal(
            ["ollama_gpu_active_seconds_total{host=\"gpu1\",gpu_id=\"0\",state=\"busy\"} 15.5", "ollama_gpu_active_seconds_total{host=\"gpu1\",gpu_id=\"0\",state=\"idle\"} 0.5"],
            Samples(text, "ollama_gpu_active_seconds_total"));
        Assert.Equal(
            ["ollama_gpu_process_memory_bytes{host=\"gpu1\",gpu_id=\"0\",role=\"server\"} 0", "ollama_gpu_process_memory_bytes{host=\"gpu1\",gpu_id=\"0\",role=\"runner\"} 40802189312"],
            Samples(text, "ollama_gpu_process_memory_bytes"));
        Assert.Contains("# TYPE ollama_gpu_energy_joules_total counter\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalHostWithoutGpu_OneSeriesSaysSo_AndNoOtherGpuSeries()
    {
        var text = Render([Host("cpu1")], Local("cpu1", GpuNodeReading.None));

        Assert.Equal(["ollama_gpu_available{host=\"cpu1\"} 0"], Samples(text, "ollama_gpu_available"));
        foreach (var family in new[] { "ollama_gpu_info", "ollama_gpu_usage_percent", "ollama_gpu_memory_bytes", "ollama_gpu_active_seconds_total", "ollama_gpu_process_memory_bytes" })
        {
            Assert.Empty(Samples(text, family));
        }
    }

    [Fact]
    public void ServerNotFound_NoGauges_ButCountersAndProcessCountsStay()
    {
        var text = Render([Host("gpu1")], Local("gpu1", GpuNodeReading.None, serverFound: false));

        Assert.Equal(["ollama_processes{host=\"gpu1\",role=\"server\"} 0", "ollama_processes{host=\"gpu1\",role=\"runner\"} 0"], Samples(text, "ollama_processes"));
        Assert.Empty(Samples(text, "ollama_cpu_usage_percent"));
        Assert.Empty(Samples(text, "ollama_memory_usage_bytes"));
        Assert.Equal(4, Samples(text, "ollama_cpu_seconds_total").Length);
    }

    [Fact]
    public void ResourcesOfAHostNotOnThisSilo_AreNotExported()
    {
        var text = Render([Host("gpu1")], Local("gone", new GpuNodeReading(true, [H200])));

        Assert.Equal(["ollama_resources_local{host=\"gpu1\"} 0"], Samples(text, "ollama_resources_local"));
        Assert.DoesNotContain("gone", text, StringComparison.Ordinal);
    }
}
