namespace OllamaOrleans.Grains.Probes;

/// <summary>Which models a synthetic probe may touch.</summary>
public enum ProbeMode
{
    /// <summary>No probes.</summary>
    Off,

    /// <summary>Only loaded models, right after a client used them, sending no keep_alive: never loads, evicts or keeps one loaded.</summary>
    LoadedOnly,

    /// <summary>Every model on disk, loading it if needed (this can evict production models).</summary>
    Always,
}
