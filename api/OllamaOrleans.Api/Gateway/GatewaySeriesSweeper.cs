using Microsoft.Extensions.Hosting;
using OllamaOrleans.Api.Hosting;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Removes the gateway's series of hosts that are no longer in the directory and of models their host
/// no longer lists, as a host's grain-backed series leave with its snapshot. Runs every few seconds;
/// an in-flight series goes once its last request has ended.
/// </summary>
public sealed class GatewaySeriesSweeper(IHostDirectory directory, GatewayMetrics metrics, InFlightTracker inFlight, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>One sweep against the directory as it is now.</summary>
    public void Sweep()
    {
        var hosts = directory.All.ToDictionary(h => h.Name, StringComparer.Ordinal);
        bool KeepModel(string host, string model) => hosts.TryGetValue(host, out var snapshot) && ModelAdmission.Keeps(snapshot, model);
        metrics.Forget(hosts.ContainsKey, KeepModel);
        inFlight.Forget(KeepModel);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await time.PauseAsync(Interval, stoppingToken))
        {
            Sweep();
        }
    }
}
