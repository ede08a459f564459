namespace OllamaOrleans.GrainInterfaces;

/// <summary>Values of the <c>source</c> label: who made the measured request.</summary>
public static class InferenceSources
{
    public const string Probe = "probe";
    public const string Traffic = "traffic";

    /// <summary>Gateway traffic to a cloud model: proxied by the host to its remote host, not local inference.</summary>
    public const string Cloud = "cloud";
}
