namespace OllamaOrleans.Grains.Probes;

/// <summary>Which models a synthetic probe may touch.</summary>
public enum ProbeMode
{
    /// <summary>No probes.</summary>
    Off,

    /// <summary>Only models already loaded, leaving their expiry where it was: never loads, evicts or extends.</summary>
    LoadedOnly,

    /// <summary>Every model on disk, loading it if needed (this can evict production models).</summary>
    Always,
}
