using Prometheus;

namespace OllamaOrleans.Api.Telemetry;

/// <summary>
/// Keeps a process's own series (the silo's and the api process's) to what an operator uses: the
/// process series, and from Orleans' meter the instruments about activations, failed messaging,
/// timed-out requests, storage errors, reminders and cluster size (no histograms: their default
/// buckets multiply the series). prometheus-net would otherwise export every meter (ASP.NET Core,
/// runtime) and event counter.
/// </summary>
public static class SelfSeries
{
    /// <summary>Orleans instruments worth a panel; everything else from the meter is dropped.</summary>
    public static IReadOnlySet<string> OrleansInstruments { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "orleans-catalog-activations",
        "orleans-catalog-activation-collections",
        "orleans-catalog-activation-failed-to-activate",
        "orleans-app-requests-timedout",
        "orleans-messaging-sent-failed",
        "orleans-messaging-sent-dropped",
        "orleans-messaging-rejected",
        "orleans-messaging-expired",
        "orleans-storage-read-errors",
        "orleans-storage-write-errors",
        "orleans-storage-clear-errors",
        "orleans-reminders-active",
        "orleans-reminders-ticks-delivered",
        "orleans-consistent-ring-size",
        "orleans-gateway-connected-clients",
        "orleans-scheduler-long-running-turns",
        "orleans-watchdog-health-checks-failed",
    };

    /// <summary>Must run before the first scrape; prometheus-net reads these once.</summary>
    public static void Apply()
    {
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            // ProcessSeries exports the same process series without counting handles on every scrape.
            SuppressProcessMetrics = true,
            SuppressDebugMetrics = true,
            SuppressEventCounters = true,
            SuppressMeters = false,
        });
        ProcessSeries.RegisterOnDefaultRegistry();
        Prometheus.Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = instrument =>
            instrument.Meter.Name == "Microsoft.Orleans" && OrleansInstruments.Contains(instrument.Name));
    }
}
