using OllamaOrleans.Silo.Resources.Gpu;

namespace OllamaOrleans.Silo.Web;

/// <summary>The fleet page, ready to render: one page of hosts (down first), the totals, the busiest models, this node's GPUs.</summary>
public sealed record FleetPageModel(
    FleetTotals Totals,
    IReadOnlyList<HostRow> Hosts,
    int Page,
    int Pages,
    int FirstHostNumber,
    IReadOnlyList<BusyModelRow> BusiestModels,
    string? StatisticsError,
    IReadOnlyList<GpuReading> Gpus,
    string? GrafanaUrl,
    TimeSpan Refresh,
    DateTimeOffset Now);
