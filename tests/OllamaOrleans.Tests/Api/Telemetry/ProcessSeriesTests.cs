using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OllamaOrleans.Api.Telemetry;
using Prometheus;

namespace OllamaOrleans.Tests.Api.Telemetry;

public sealed class ProcessSeriesTests
{
    private static async Task<Dictionary<string, double>> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Scrape_HasPrometheusNetsProcessSeries_WithThisProcessesFigures()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        ProcessSeries.Register(registry, new FakeTimeProvider(), _ => 123);

        var samples = await ScrapeAsync(registry);

        Assert.Equal(
            [
                "dotnet_collection_count_total{generation=\"0\"}", "dotnet_collection_count_total{generation=\"1\"}", "dotnet_collection_count_total{generation=\"2\"}",
                "dotnet_total_memory_bytes", "process_cpu_seconds_total", "process_num_threads", "process_open_handles", "process_private_memory_bytes",
                "process_start_time_seconds", "process_virtual_memory_bytes", "process_working_set_bytes",
            ],
            samples.Keys.Order(StringComparer.Ordinal));
        using var self = Process.GetCurrentProcess();
        Assert.Equal(new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0, samples["process_start_time_seconds"]);
        Assert.Equal(123, samples["process_open_handles"]);
        Assert.InRange(samples["process_cpu_seconds_total"], 0.01, self.TotalProcessorTime.TotalSeconds);
        Assert.InRange(samples["process_working_set_bytes"], 10_000_000, self.VirtualMemorySize64);
        Assert.InRange(samples["process_num_threads"], 2, 10_000);
    }

    [Fact]
    public async Task OpenHandles_AreCountedAtMostOnceAMinute_OtherFiguresOnEveryScrape()
    {
        var time = new FakeTimeProvider();
        var counts = 0;
        var registry = Prometheus.Metrics.NewCustomRegistry();
        ProcessSeries.Register(registry, time, _ => ++counts * 10);

        var first = await ScrapeAsync(registry);
        time.Advance(ProcessSeries.HandleCountInterval - TimeSpan.FromSeconds(1));
        var beforeTheMinute = await ScrapeAsync(registry);
        _ = new byte[10_000_000];
        GC.Collect();
        var afterACollection = await ScrapeAsync(registry);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterTheMinute = await ScrapeAsync(registry);

        Assert.Equal(10, first["process_open_handles"]);
        Assert.Equal(10, beforeTheMinute["process_open_handles"]);
        Assert.Equal(20, afterTheMinute["process_open_handles"]);
        Assert.Equal(2, counts);
        Assert.True(
            afterACollection["dotnet_collection_count_total{generation=\"2\"}"] > beforeTheMinute["dotnet_collection_count_total{generation=\"2\"}"],
            "a full collection between two scrapes must show in the second");
    }

    [Fact]
    public async Task ConcurrentScrapes_ReadConsistentFigures()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        ProcessSeries.Register(registry, new FakeTimeProvider(), _ => 1);

        var scrapes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ScrapeAsync(registry))));

        Assert.All(scrapes, s => Assert.Equal(11, s.Count));
    }
}
