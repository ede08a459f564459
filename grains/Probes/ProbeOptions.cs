using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// Synthetic probes (<c>Monitor:Probes</c>). The defaults are safe: only loaded models, one predicted
/// token, no runner options, no keep_alive, and only right after a client used the model.
/// </summary>
public sealed class ProbeOptions
{
    public const string Section = "Monitor:Probes";

    public ProbeMode Mode { get; set; } = ProbeMode.LoadedOnly;

    /// <summary>Least time between two probes of one model (Always: the time between them), as the original exporter's five minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public string Prompt { get; set; } = "Reply with one word: OK.";

    /// <summary><c>options.num_predict</c>; a predict option never forces a runner reload.</summary>
    [Range(1, 4096)]
    public int PredictedTokens { get; set; } = 1;

    /// <summary>Only these models are probed (tag optional); empty: every model the mode allows.</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>A probe that has not finished by then counts as a timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Later entries win over earlier ones.</summary>
    [ValidateEnumeratedItems]
    public List<ProbeOverride> Overrides { get; set; } = [];
}
