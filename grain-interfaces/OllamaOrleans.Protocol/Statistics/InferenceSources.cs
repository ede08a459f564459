namespace OllamaOrleans.Protocol.Statistics;

/// <summary>Values of the <c>source</c> label: who made the measured request.</summary>
public static class InferenceSources
{
    public const string Probe = "probe";
    public const string Traffic = "traffic";

    /// <summary>Gateway traffic to a cloud model: proxied by the host to its remote host, not local inference.</summary>
    public const string Cloud = "cloud";

    /// <summary>Whether <paramref name="source"/> is one of the values above.</summary>
    public static bool IsKnown(string source) => source is Probe or Traffic or Cloud;

    /// <summary>What an API answers when a <c>source</c> parameter is none of them.</summary>
    public static string Unknown(string source) => $"'{source}' is not a source; use probe, traffic or cloud, or leave it out for all.";
}
