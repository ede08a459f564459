using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Models;
using OllamaOrleans.Silo.Metrics;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.Silo.Metrics;

public sealed class FleetExpositionTests
{
    private static readonly DateTimeOffset PolledAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static HostSnapshot Host(string name, bool up, params ModelSnapshot[] models) => new(
        new HostRegistration(name, $"http://{name}:11434/", ImmutableSortedDictionary<string, string>.Empty.Add("site", "lab"), HostSource.Configuration),
        up,
        "0.32.15",
        PolledAt,
        PolledAt,
        [.. models],
        [new EndpointPollStats("/api/ps", [3, 1, 0, 0, 0, 1], 6.5, 5, ImmutableSortedDictionary<string, long>.Empty.Add("timeout", 1))],
        0,
        null);

    private static string Render(params HostSnapshot[] hosts)
    {
        var buffer = new ArrayBufferWriter<byte>();
        FleetExposition.Write(buffer, hosts);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string[] Samples(string text, string family) =>
        [.. text.Split('\n').Where(l => l.StartsWith(family + "{", StringComparison.Ordinal) || l.StartsWith(family + " ", StringComparison.Ordinal))];

    [Fact]
    public void Write_HostSeries()
    {
        var text = Render(Host("gpu1", true, Snapshot("llama3.2:latest", Available(size: 2019393189), Loaded(memory: 3390701568, vram: 3000000000), loads: 2, unloads: 1)));

        Assert.Equal(["ollama_monitor_hosts 1"], Samples(text, "ollama_monitor_hosts"));
        Assert.Equal(["ollama_up{host=\"gpu1\"} 1"], Samples(text, "ollama_up"));
        Assert.Equal(["ollama_build_info{host=\"gpu1\",version=\"0.32.15\"} 1"], Samples(text, "ollama_build_info"));
        Assert.Equal(["ollama_host_info{host=\"gpu1\",url=\"http://gpu1:11434/\",registration=\"configuration\",label_site=\"lab\"} 1"], Samples(text, "ollama_host_info"));
        Assert.Equal(["ollama_models_available{host=\"gpu1\"} 1"], Samples(text, "ollama_models_available"));
        Assert.Equal(["ollama_models_loaded{host=\"gpu1\"} 1"], Samples(text, "ollama_models_loaded"));
        Assert.Equal(["ollama_models_disk_bytes{host=\"gpu1\"} 2019393189"], Samples(text, "ollama_models_disk_bytes"));
        Assert.Equal(["ollama_last_poll_timestamp_seconds{host=\"gpu1\"} 1800000000"], Samples(text, "ollama_last_poll_timestamp_seconds"));
    }

    [Fact]
    public void Write_PollHistogramIsCumulativeAndErrorsByReason()
    {
        var text = Render(Host("gpu1", true));

        Assert.Equal(
            [
                "ollama_poll_duration_seconds_bucket{host=\"gpu1\",endpoint=\"/api/ps\",le=\"0.01\"} 3",
                "ollama_poll_duration_seconds_bucket{host=\"gpu1\",endpoint=\"/api/ps\",le=\"0.05\"} 4",
                "ollama_poll_duration_seconds_bucket{host=\"gpu1\",endpoint=\"/api/ps\",le=\"0.25\"} 4",
                "ollama_poll_duration_seconds_bucket{host=\"gpu1\",endpoint=\"/api/ps\",le=\"1\"} 4",
                "ollama_poll_duration_seconds_bucket{host=\"gpu1\",endpoint=\"/api/ps\",le=\"5\"} 4",
                "ollama_poll_duration_seconds_bucket{host=\"gpu1\",endpoint=\"/api/ps\",le=\"+Inf\"} 5",
            ],
            Samples(text, "ollama_poll_duration_seconds_bucket"));
        Assert.Equal(["ollama_poll_duration_seconds_sum{host=\"gpu1\",endpoint=\"/api/ps\"} 6.5"], Samples(text, "ollama_poll_duration_seconds_sum"));
        Assert.Equal(["ollama_poll_duration_seconds_count{host=\"gpu1\",endpoint=\"/api/ps\"} 5"], Samples(text, "ollama_poll_duration_seconds_count"));
        Assert.Equal(["ollama_poll_errors_total{host=\"gpu1\",endpoint=\"/api/ps\",reason=\"timeout\"} 1"], Samples(text, "ollama_poll_errors_total"));
    }

    [Fact]
    public void Write_ModelSeries_LoadedAndOnDiskOnly()
    {
        var text = Render(Host(
            "gpu1",
            true,
            Snapshot("llama3.2:latest", Available(size: 2019393189, digest: "a80c4f17acd55265feec"), Loaded(memory: 3390701568, vram: 3000000000, context: 8192), loads: 2, unloads: 1),
            Snapshot("qwen:7b", Available(size: 5))));

        Assert.Equal(["ollama_model_size_bytes{host=\"gpu1\",model=\"llama3.2:latest\"} 2019393189", "ollama_model_size_bytes{host=\"gpu1\",model=\"qwen:7b\"} 5"], Samples(text, "ollama_model_size_bytes"));
        Assert.Equal("ollama_model_info{host=\"gpu1\",model=\"llama3.2:latest\",family=\"llama\",parameter_size=\"\",quantization=\"\",format=\"\",digest=\"a80c4f17acd5\",location=\"local\"} 1", Samples(text, "ollama_model_info")[0]);
        Assert.Equal(["ollama_model_loaded{host=\"gpu1\",model=\"llama3.2:latest\"} 1", "ollama_model_loaded{host=\"gpu1\",model=\"qwen:7b\"} 0"], Samples(text, "ollama_model_loaded"));
        Assert.Equal(["ollama_model_memory_bytes{host=\"gpu1\",model=\"llama3.2:latest\"} 3390701568"], Samples(text, "ollama_model_memory_bytes"));
        Assert.Equal(["ollama_model_vram_bytes{host=\"gpu1\",model=\"llama3.2:latest\"} 3000000000"], Samples(text, "ollama_model_vram_bytes"));
        Assert.Equal(["ollama_model_context_length{host=\"gpu1\",model=\"llama3.2:latest\"} 8192"], Samples(text, "ollama_model_context_length"));
        Assert.Equal(["ollama_model_expires_at_timestamp_seconds{host=\"gpu1\",model=\"llama3.2:latest\"} 1785542700"], Samples(text, "ollama_model_expires_at_timestamp_seconds"));
        Assert.Equal(["ollama_model_loads_total{host=\"gpu1\",model=\"llama3.2:latest\"} 2", "ollama_model_loads_total{host=\"gpu1\",model=\"qwen:7b\"} 0"], Samples(text, "ollama_model_loads_total"));
        Assert.Equal(["ollama_model_unloads_total{host=\"gpu1\",model=\"llama3.2:latest\"} 1", "ollama_model_unloads_total{host=\"gpu1\",model=\"qwen:7b\"} 0"], Samples(text, "ollama_model_unloads_total"));
    }

    [Fact]
    public void Write_CloudModels_OnlyInfoAndTheCloudCount_NeverDiskOrResidency()
    {
        var cloud = Available(size: 384, digest: "569662207105e7a1") with { RemoteHost = "https://ollama.com:443", RemoteModel = "gpt-oss:120b" };
        var text = Render(Host(
            "gpu1",
            true,
            Snapshot("llama3.2:latest", Available(size: 2019393189), Loaded()),
            Snapshot("gpt-oss:120b-cloud", cloud),
            Snapshot("qwen3-coder:480b-cloud")));

        Assert.Equal(["ollama_models_available{host=\"gpu1\"} 1"], Samples(text, "ollama_models_available"));
        Assert.Equal(["ollama_models_loaded{host=\"gpu1\"} 1"], Samples(text, "ollama_models_loaded"));
        Assert.Equal(["ollama_models_cloud{host=\"gpu1\"} 1"], Samples(text, "ollama_models_cloud"));
        Assert.Equal(["ollama_models_disk_bytes{host=\"gpu1\"} 2019393189"], Samples(text, "ollama_models_disk_bytes"));
        Assert.Equal(["ollama_model_size_bytes{host=\"gpu1\",model=\"llama3.2:latest\"} 2019393189"], Samples(text, "ollama_model_size_bytes"));
        Assert.Equal(
            [
                "ollama_model_info{host=\"gpu1\",model=\"llama3.2:latest\",family=\"llama\",parameter_size=\"\",quantization=\"\",format=\"\",digest=\"d1\",location=\"local\"} 1",
                "ollama_model_info{host=\"gpu1\",model=\"gpt-oss:120b-cloud\",family=\"llama\",parameter_size=\"\",quantization=\"\",format=\"\",digest=\"569662207105\",location=\"cloud\"} 1",
                "ollama_model_info{host=\"gpu1\",model=\"qwen3-coder:480b-cloud\",family=\"\",parameter_size=\"\",quantization=\"\",format=\"\",digest=\"\",location=\"cloud\"} 1",
            ],
            Samples(text, "ollama_model_info"));
        foreach (var family in new[] { "ollama_model_loaded", "ollama_model_memory_bytes", "ollama_model_vram_bytes", "ollama_model_loads_total", "ollama_model_unloads_total" })
        {
            Assert.All(Samples(text, family), s => Assert.Contains("model=\"llama3.2:latest\"", s, StringComparison.Ordinal));
            Assert.Single(Samples(text, family));
        }
    }

    [Fact]
    public void Write_DownHost_ReportsZeroAndKeepsLastVersion()
    {
        var text = Render(Host("gpu2", false));

        Assert.Equal(["ollama_up{host=\"gpu2\"} 0"], Samples(text, "ollama_up"));
        Assert.Single(Samples(text, "ollama_build_info"));
    }

    [Fact]
    public void Write_EveryFamilyOnceWithHelpAndType()
    {
        var text = Render(Host("a", true, Snapshot("m:1", Available())), Host("b", true, Snapshot("m:1", Available())));

        var types = text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(types.Distinct().Count(), types.Count);
        Assert.Equal(types.Count, text.Split('\n').Count(l => l.StartsWith("# HELP ", StringComparison.Ordinal)));
    }
}
