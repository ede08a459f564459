namespace OllamaOrleans.Silo.Web;

/// <summary>What the fleet page needs besides the fleet: which page, how often it refreshes, the Grafana link, the time now.</summary>
public sealed record FleetPageSettings(int Page, int PageSize, TimeSpan Refresh, string? GrafanaUrl, DateTimeOffset Now)
{
    /// <summary>Hosts per page: enough for most fleets on one page, small enough to stay quick at 1,000.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The busiest models shown.</summary>
    public const int BusiestModels = 10;

    /// <summary>
    /// Half the poll interval, in whole seconds from 1 to 30: a host that went down shows within
    /// half an interval of the poll that noticed it.
    /// </summary>
    public static TimeSpan RefreshFor(TimeSpan pollInterval) =>
        TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(pollInterval.TotalSeconds / 2), 1, 30));
}
