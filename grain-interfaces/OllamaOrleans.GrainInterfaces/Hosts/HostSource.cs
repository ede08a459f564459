namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>Where a registration came from; configuration owns only its own hosts.</summary>
[Alias("OllamaOrleans.HostSource")]
public enum HostSource
{
    Configuration = 0,
    Api = 1,

    /// <summary>Registered by <c>GET /probe?target=</c>; expires when no longer probed.</summary>
    Transient = 2,
}
