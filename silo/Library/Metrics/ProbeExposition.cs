using System.Buffers;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Silo.Probe;
using OllamaOrleans.Silo.Resources;

namespace OllamaOrleans.Silo.Metrics;

/// <summary><c>/probe</c>'s answer: one host's series as <c>/metrics</c> writes them, without the silo's own.</summary>
public sealed class ProbeExposition(ResourceRegistry resources) : IHostExposition
{
    public void Write(IBufferWriter<byte> output, HostSnapshot host) =>
        FleetExposition.WriteHosts(new PrometheusTextWriter(output), [host], resources.Get);
}
