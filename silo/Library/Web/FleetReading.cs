using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Web;

/// <summary>
/// What the fleet page shows, as read: every registered host, the hosts' five-minute statistics
/// (null with <see cref="StatisticsError"/> when they could not be read) and this node's GPUs.
/// </summary>
public sealed record FleetReading(
    IReadOnlyList<FleetHost> Hosts,
    IReadOnlyList<HostStatistics>? Statistics,
    string? StatisticsError,
    IReadOnlyList<GpuReading> Gpus);
