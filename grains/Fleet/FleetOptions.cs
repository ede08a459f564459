namespace OllamaOrleans.Grains.Fleet;

/// <summary>The registry's limits; the silo fills it from <c>Monitor:MaxHosts</c> and <c>Monitor:TransientHosts:*</c>.</summary>
public sealed class FleetOptions
{
    /// <summary>Registered hosts beyond which the API and <c>/probe</c> add no more (configured hosts are never refused).</summary>
    public int MaxHosts { get; set; } = 1000;

    /// <summary>Transient hosts (registered by <c>/probe</c>) at most.</summary>
    public int MaxTransientHosts { get; set; } = 100;

    /// <summary>A transient host not probed for this long is removed (checked by the one-minute watchdog).</summary>
    public TimeSpan TransientExpiry { get; set; } = TimeSpan.FromMinutes(10);
}
