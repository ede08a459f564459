namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>The rolling windows the model grains keep.</summary>
public enum StatisticsWindow
{
    OneMinute,
    FiveMinutes,
    OneHour,
    OneDay,
}
