using System.Collections.Immutable;

namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>One window of rolling statistics of a host: per model, and merged over its models.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.HostStatistics")]
public sealed record HostStatistics(
    [property: Id(0)] string Host,
    [property: Id(1)] WindowSummary Total,
    [property: Id(2)] ImmutableArray<ModelStatistics> Models);
