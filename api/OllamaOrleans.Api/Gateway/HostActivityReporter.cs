using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using OllamaOrleans.Api.Hosting;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Tells host grains when this gateway has requests in flight to them, so probes stay away from hosts
/// serving real traffic. Reports are debounced: a host becoming busy is reported at once unless it was
/// reported busy in the last 10 s, and a host is reported idle only once it has stayed idle for a
/// whole check (every 5 s) — a host serving back-to-back requests costs one grain call per 10 s, not two
/// per request.
/// </summary>
public sealed class HostActivityReporter(InFlightTracker tracker, IGrainFactory grains, TimeProvider time) : BackgroundService
{
    private static readonly string GatewayId = $"{Environment.MachineName}:{Environment.ProcessId}";
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, DateTimeOffset> reportedBusy = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        tracker.HostActivityChanged += OnChanged;
        try
        {
            while (await time.PauseAsync(TimeSpan.FromSeconds(5), stoppingToken))
            {
                var now = time.GetUtcNow();
                foreach (var (host, at) in reportedBusy)
                {
                    var inFlight = tracker.Host(host);
                    if (inFlight == 0)
                    {
                        reportedBusy.TryRemove(host, out _);
                        Report(host, 0);
                    }
                    else if (now - at >= Repeat)
                    {
                        reportedBusy[host] = now;
                        Report(host, inFlight);
                    }
                }
            }
        }
        finally
        {
            tracker.HostActivityChanged -= OnChanged;
        }
    }

    private void OnChanged(string host, int inFlight)
    {
        var now = time.GetUtcNow();
        if (inFlight > 0 && (!reportedBusy.TryGetValue(host, out var at) || now - at >= Repeat))
        {
            reportedBusy[host] = now;
            Report(host, inFlight);
        }
    }

    private void Report(string host, int inFlight) =>
        _ = grains.GetGrain<GrainInterfaces.Hosts.IOllamaHostGrain>(host).ReportTrafficAsync(GatewayId, inFlight);
}
