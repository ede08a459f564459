using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Grains.Probes;

/// <summary>
/// Resolves the settings for one model on one host: the defaults, the model list, then every matching
/// override in order. Cloud models (<c>:cloud</c>, <c>-cloud</c>) are never probed: they are proxied to
/// ollama.com and would spend someone's quota.
/// </summary>
public static class ProbeSettingsResolver
{
    public static EffectiveProbe Resolve(ProbeOptions options, string host, string model)
    {
        var canonical = ModelName.Canonical(model);
        var mode = options.Mode;
        if (options.Models.Count > 0 && !options.Models.Any(m => ModelName.Canonical(m) == canonical))
        {
            mode = ProbeMode.Off;
        }

        var interval = options.Interval;
        var prompt = options.Prompt;
        var tokens = options.PredictedTokens;
        foreach (var o in options.Overrides)
        {
            var hostMatches = string.IsNullOrEmpty(o.Host) || string.Equals(o.Host, host, StringComparison.Ordinal);
            var modelMatches = string.IsNullOrEmpty(o.Model) || ModelName.Canonical(o.Model) == canonical;
            if (!hostMatches || !modelMatches)
            {
                continue;
            }

            mode = o.Mode ?? mode;
            interval = o.Interval ?? interval;
            prompt = o.Prompt ?? prompt;
            tokens = o.PredictedTokens ?? tokens;
        }

        if (ModelName.IsCloud(model))
        {
            mode = ProbeMode.Off;
        }

        return new EffectiveProbe(mode, interval, prompt, tokens, options.Timeout);
    }
}
