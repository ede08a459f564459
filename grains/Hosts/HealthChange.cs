namespace OllamaOrleans.Grains.Hosts;

/// <summary>What a poll changed about a host's availability, for the log.</summary>
public enum HealthChange
{
    None,
    FirstUp,
    FirstDown,
    WentDown,
    CameBack,
}
