namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>The rolling windows the model grains keep.</summary>
[Alias("OllamaOrleans.StatisticsWindow")]
public enum StatisticsWindow
{
    OneMinute,
    FiveMinutes,
    OneHour,
    OneDay,
}
