using OllamaOrleans.Api.Gateway;
using OllamaOrleans.GrainInterfaces;

namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// A host is busy while this silo's metering gateway has requests in flight to it. Traffic through
/// gateways in other processes reaches the host grains (<c>ReportTrafficAsync</c>), not this sampler.
/// </summary>
public sealed class GatewayInferenceActivity(InFlightTracker tracker) : IInferenceActivity
{
    public bool IsBusy(string hostName) => tracker.Host(hostName) > 0;
}
