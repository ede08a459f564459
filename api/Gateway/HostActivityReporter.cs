using Microsoft.Extensions.Hosting;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Tells host grains when this gateway starts and stops having requests in flight to them, and repeats
/// busy hosts every 30 s, so probes stay away from hosts serving real traffic.
/// </summary>
public sealed class HostActivityReporter(InFlightTracker tracker, IGrainFactory grains, TimeProvider time) : BackgroundService
{
    private static readonly string GatewayId = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        tracker.HostActivityChanged += Report;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), time, stoppingToken);
                foreach (var (host, inFlight) in tracker.Hosts.Where(h => h.Value > 0))
                {
                    Report(host, inFlight);
                }
            }
        }
        finally
        {
            tracker.HostActivityChanged -= Report;
        }
    }

    private void Report(string host, int inFlight) =>
        _ = grains.GetGrain<GrainInterfaces.IOllamaHostGrain>(host).ReportTrafficAsync(GatewayId, inFlight);
}
