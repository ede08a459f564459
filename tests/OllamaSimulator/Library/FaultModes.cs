namespace OllamaSimulator;

/// <summary>What a <see cref="FaultMode"/> needs.</summary>
public static class FaultModes
{
    /// <summary>Whether the mode delays answers, and so needs a delay.</summary>
    public static bool IsDelay(this FaultMode mode) => mode is FaultMode.Slow or FaultMode.SlowPs;
}
