using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Grains.Hosts;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// A host is busy while this silo's metering gateway has requests in flight to it (seen at once), or
/// while any gateway of the cluster, another silo's or the api process's, reports requests in flight
/// to its host grain (<see cref="ReportedTraffic"/>: at once when they start, within 5 s of the end).
/// </summary>
public sealed class GatewayInferenceActivity(InFlightTracker? tracker, ReportedTraffic reported, TimeProvider time) : IInferenceActivity
{
    public bool IsBusy(string hostName) => tracker?.Host(hostName) > 0 || reported.IsBusy(hostName, time.GetUtcNow());
}
