using System.Collections.Immutable;

namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>One monitored Ollama host: its unique name, base URL and operator labels.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.HostRegistration")]
public sealed record HostRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] string Url,
    [property: Id(2)] ImmutableSortedDictionary<string, string> Labels,
    [property: Id(3)] HostSource Source)
{
    /// <summary>Value equality including the labels (records compare dictionaries by reference).</summary>
    public bool IsEquivalentTo(HostRegistration? other) =>
        other is not null
        && Name == other.Name
        && Url == other.Url
        && Source == other.Source
        && Labels.Count == other.Labels.Count
        && Labels.All(l => other.Labels.TryGetValue(l.Key, out var v) && v == l.Value);
}
