namespace OllamaOrleans.GrainInterfaces.Statistics;

public static class StatisticsWindows
{
    public static IReadOnlyList<StatisticsWindow> All { get; } =
        [StatisticsWindow.OneMinute, StatisticsWindow.FiveMinutes, StatisticsWindow.OneHour, StatisticsWindow.OneDay];

    /// <summary>How the API spells a window: 1m, 5m, 1h, 24h.</summary>
    public static string Name(this StatisticsWindow window) => window switch
    {
        StatisticsWindow.OneMinute => "1m",
        StatisticsWindow.FiveMinutes => "5m",
        StatisticsWindow.OneHour => "1h",
        StatisticsWindow.OneDay => "24h",
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    public static bool TryParse(string? text, out StatisticsWindow window)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase))
            {
                window = candidate;
                return true;
            }
        }

        window = default;
        return false;
    }

    public static TimeSpan Length(this StatisticsWindow window) => window switch
    {
        StatisticsWindow.OneMinute => TimeSpan.FromMinutes(1),
        StatisticsWindow.FiveMinutes => TimeSpan.FromMinutes(5),
        StatisticsWindow.OneHour => TimeSpan.FromHours(1),
        StatisticsWindow.OneDay => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };
}
