namespace OllamaOrleans.GrainInterfaces;

/// <summary>Where a registration came from; configuration owns only its own hosts.</summary>
public enum HostSource
{
    Configuration = 0,
    Api = 1,
}
