namespace OllamaOrleans.GrainInterfaces;

/// <summary>Values of the <c>source</c> label: who made the measured request.</summary>
public static class InferenceSources
{
    public const string Probe = "probe";
    public const string Traffic = "traffic";
}
