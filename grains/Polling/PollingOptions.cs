namespace OllamaOrleans.Grains.Polling;

/// <summary>How host grains poll; the silo fills it from <c>Monitor:*</c> and the legacy variables.</summary>
public sealed class PollingOptions
{
    /// <summary>Time between the end of one poll and the start of the next.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-call timeout of each of the three endpoint calls in a poll.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The first poll of a newly activated host waits a random delay up to this (and up to the
    /// interval), so a fleet does not poll in lockstep after a restart.
    /// </summary>
    public TimeSpan MaxStartDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>False: the first poll waits the whole start delay (deterministic, for tests).</summary>
    public bool RandomizeStart { get; set; } = true;

    /// <summary>Models tracked per host; beyond it models are counted as dropped, not exported.</summary>
    public int MaxModelsPerHost { get; set; } = 500;
}
