namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>
/// The host grain's permission for one probe of one model: the host is up, not busy with traffic, and
/// no other probe runs on it. Carries what the probe needs: the host's URL and the model's display name.
/// </summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ProbeLease")]
public sealed record ProbeLease(
    [property: Id(0)] string BaseUrl,
    [property: Id(1)] string ModelName,
    [property: Id(2)] bool Loaded);
