namespace OllamaOrleans.Grains.Probes;

/// <summary>The probe settings of one model on one host after the overrides.</summary>
public sealed record EffectiveProbe(ProbeMode Mode, TimeSpan Interval, string Prompt, int PredictedTokens, TimeSpan Timeout);
