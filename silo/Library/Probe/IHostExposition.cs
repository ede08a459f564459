using System.Buffers;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Silo.Probe;

/// <summary>Writes one host's series in the Prometheus text format; the silo's metrics writers implement it.</summary>
public interface IHostExposition
{
    void Write(IBufferWriter<byte> output, HostSnapshot host);
}
