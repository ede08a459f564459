using System.Diagnostics;
using System.Globalization;
using Prometheus;

namespace OllamaOrleans.Api.Telemetry;

/// <summary>
/// The process series of the silo and the api process under prometheus-net's names (<c>process_*</c>,
/// <c>dotnet_*</c>), in place of prometheus-net's own collector. That one counts open handles on every
/// scrape, which on Linux walks <c>/proc/self/fd</c> with two stat calls per descriptor; a silo holds a
/// socket per monitored host (the api process one per client and upstream connection), and at 1,000
/// hosts that walk was a third of a scrape's time (docs/benchmarks.md, "Profile and fix: the scrape").
/// Here the handle count is refreshed at most once per <see cref="HandleCountInterval"/>; everything
/// else is read on every scrape.
/// </summary>
public sealed class ProcessSeries
{
    public static readonly TimeSpan HandleCountInterval = TimeSpan.FromMinutes(1);

    private static int defaultRegistered;

    private readonly Lock gate = new();
    private readonly Process process = Process.GetCurrentProcess();
    private readonly TimeProvider time;
    private readonly Func<Process, int> countHandles;
    private readonly Counter collections;
    private readonly Counter cpuSeconds;
    private readonly Gauge virtualMemory;
    private readonly Gauge workingSet;
    private readonly Gauge privateMemory;
    private readonly Gauge openHandles;
    private readonly Gauge threads;
    private readonly Gauge managedMemory;
    private long? handlesCountedAt;

    private ProcessSeries(CollectorRegistry registry, TimeProvider time, Func<Process, int> countHandles)
    {
        this.time = time;
        this.countHandles = countHandles;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        collections = factory.CreateCounter("dotnet_collection_count_total", "GC collection count", "generation");
        factory.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
            .Set(new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        cpuSeconds = factory.CreateCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.");
        virtualMemory = factory.CreateGauge("process_virtual_memory_bytes", "Virtual memory size in bytes.");
        workingSet = factory.CreateGauge("process_working_set_bytes", "Process working set");
        privateMemory = factory.CreateGauge("process_private_memory_bytes", "Process private memory size");
        openHandles = factory.CreateGauge("process_open_handles", "Number of open handles (file descriptors on Linux), counted at most once a minute.");
        threads = factory.CreateGauge("process_num_threads", "Total number of threads");
        managedMemory = factory.CreateGauge("dotnet_total_memory_bytes", "Total known allocated memory");
    }

    /// <summary>
    /// Adds the series to prometheus-net's default registry once per process (tests start several
    /// silos in one); the caller suppresses prometheus-net's own process metrics.
    /// </summary>
    public static void RegisterOnDefaultRegistry()
    {
        if (Interlocked.Exchange(ref defaultRegistered, 1) == 0)
        {
            Register(Prometheus.Metrics.DefaultRegistry, TimeProvider.System, static p => p.HandleCount);
        }
    }

    /// <summary>Adds the series to <paramref name="registry"/>, updated before each of its collections.</summary>
    /// <param name="countHandles">How handles are counted (the process's <c>HandleCount</c>); tests count the calls.</param>
    public static ProcessSeries Register(CollectorRegistry registry, TimeProvider time, Func<Process, int> countHandles)
    {
        var series = new ProcessSeries(registry, time, countHandles);
        series.Update();
        registry.AddBeforeCollectCallback(series.Update);
        return series;
    }

    /// <summary>Reads the figures; prometheus-net calls it before each collection, concurrent scrapes included.</summary>
    public void Update()
    {
        lock (gate)
        {
            process.Refresh();
            for (var generation = 0; generation <= GC.MaxGeneration; generation++)
            {
                collections.WithLabels(generation.ToString(CultureInfo.InvariantCulture)).IncTo(GC.CollectionCount(generation));
            }

            cpuSeconds.IncTo(process.TotalProcessorTime.TotalSeconds);
            virtualMemory.Set(process.VirtualMemorySize64);
            workingSet.Set(process.WorkingSet64);
            privateMemory.Set(process.PrivateMemorySize64);
            threads.Set(process.Threads.Count);
            managedMemory.Set(GC.GetTotalMemory(forceFullCollection: false));
            var now = time.GetTimestamp();
            if (handlesCountedAt is not { } last || time.GetElapsedTime(last, now) >= HandleCountInterval)
            {
                openHandles.Set(countHandles(process));
                handlesCountedAt = now;
            }
        }
    }
}
