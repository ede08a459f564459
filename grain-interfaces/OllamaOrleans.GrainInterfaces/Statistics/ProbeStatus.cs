namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>The outcome of a model's last synthetic probe.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ProbeStatus")]
public sealed record ProbeStatus(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Status);
