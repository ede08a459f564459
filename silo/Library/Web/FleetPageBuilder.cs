using OllamaOrleans.Api.Analytics;
using OllamaOrleans.GrainInterfaces.Statistics;

namespace OllamaOrleans.Silo.Web;

/// <summary>
/// Builds the fleet page from a reading: hosts down first, then not polled yet, then up, each by name,
/// cut into pages; the totals over every host; the busiest models of the last five minutes by requests,
/// merged across hosts as the analytics endpoint merges them, with the number of hosts that served them.
/// </summary>
public static class FleetPageBuilder
{
    public static FleetPageModel Build(FleetReading reading, FleetPageSettings settings)
    {
        var rows = reading.Hosts.Select(Row).OrderBy(r => r.State).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var totals = new FleetTotals(
            rows.Count,
            rows.Count(r => r.State == HostState.Up),
            rows.Count(r => r.State == HostState.Down),
            rows.Count(r => r.State == HostState.Pending),
            rows.Sum(r => r.Loaded.Count),
            rows.Sum(r => r.VramBytes));
        var size = Math.Max(1, settings.PageSize);
        var pages = Math.Max(1, (rows.Count + size - 1) / size);
        var page = Math.Clamp(settings.Page, 1, pages);
        var skip = (page - 1) * size;
        return new FleetPageModel(
            totals,
            rows.Skip(skip).Take(size).ToList(),
            page,
            pages,
            skip + 1,
            reading.Statistics is { } statistics ? Busiest(statistics) : [],
            reading.StatisticsError,
            [.. reading.Gpus.OrderBy(g => g.Index)],
            settings.GrafanaUrl,
            settings.Refresh,
            settings.Now);
    }

    /// <summary>The page a query asks for: <c>?page=N</c>, 1 when missing or not a number (the builder clamps the rest).</summary>
    public static int PageFrom(string? query) => int.TryParse(query, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 1;

    private static HostRow Row(FleetHost host)
    {
        if (host.Snapshot is not { } s)
        {
            return new HostRow(host.Name, host.Url, HostState.Pending, null, [], [], null, null, null);
        }

        return new HostRow(
            host.Name,
            host.Url,
            s.LastPollAt is null ? HostState.Pending : s.Up ? HostState.Up : HostState.Down,
            s.Version,
            [.. s.Models.Where(m => m.Available is not null).Select(m => m.Name).Order(StringComparer.Ordinal)],
            [.. s.Models.Where(m => m.Loaded is not null).Select(m => new LoadedModelRow(m.Name, m.Loaded!.VramBytes)).OrderByDescending(m => m.VramBytes).ThenBy(m => m.Name, StringComparer.Ordinal)],
            s.LastPollAt,
            s.LastSuccessAt,
            s.LastError);
    }

    private static List<BusyModelRow> Busiest(IReadOnlyList<HostStatistics> statistics)
    {
        var report = AnalyticsReport.Build(StatisticsWindow.FiveMinutes, null, null, statistics, FleetPageSettings.BusiestModels);
        var byName = report.Models.ToDictionary(m => m.Model, StringComparer.Ordinal);
        var served = statistics.SelectMany(h => h.Models).Where(m => m.Summary.Requests > 0)
            .GroupBy(m => m.Model, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(m => m.Host).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        return [.. report.Top.Requests.Select(name => byName[name]).Select(m => new BusyModelRow(
            m.Model, served[m.Model], m.Stats.Requests, m.Stats.Errors, m.Stats.TokensPerSecond, m.Stats.Latency.P95))];
    }
}
