namespace OllamaSimulator;

/// <summary>A host's current fault and, for <see cref="FaultMode.Slow"/>, its delay.</summary>
internal sealed record FaultSetting(FaultMode Mode, TimeSpan Delay);
