using System.ComponentModel.DataAnnotations;

namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// Probe settings for one host, one model, or one model on one host (<c>Monitor:Probes:Overrides:N</c>).
/// A list rather than keys, because host and model names contain ':' (the configuration separator).
/// </summary>
public sealed class ProbeOverride
{
    /// <summary>Host name to match; empty matches every host.</summary>
    public string? Host { get; set; }

    /// <summary>Model name to match (tag optional: <c>llama3.2</c> means <c>llama3.2:latest</c>); empty matches every model.</summary>
    public string? Model { get; set; }

    public ProbeMode? Mode { get; set; }

    public TimeSpan? Interval { get; set; }

    public string? Prompt { get; set; }

    [Range(1, 4096)]
    public int? PredictedTokens { get; set; }
}
