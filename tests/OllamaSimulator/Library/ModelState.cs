namespace OllamaSimulator;

/// <summary>Where a model is in the scheduler's life cycle.</summary>
public enum ModelState
{
    /// <summary>Not in memory.</summary>
    Absent,

    /// <summary>Its runner is starting; not yet in <c>/api/ps</c>.</summary>
    Loading,

    /// <summary>In memory and listed by <c>/api/ps</c>, busy or idle.</summary>
    Loaded,

    /// <summary>Told to unload (keep-alive 0, eviction or reload) but still finishing requests; still listed.</summary>
    Unloading,
}
