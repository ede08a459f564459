namespace OllamaOrleans.GrainInterfaces.Statistics;

/// <summary>One window of rolling statistics of one model on one host.</summary>
[GenerateSerializer, Immutable, Alias("OllamaOrleans.ModelStatistics")]
public sealed record ModelStatistics(
    [property: Id(0)] string Host,
    [property: Id(1)] string Model,
    [property: Id(2)] WindowSummary Summary);
