namespace OllamaOrleans.Protocol.Statistics;

/// <summary>Upper bounds of the inference histograms (seconds); the first two are the original exporter's.</summary>
public static class InferenceBuckets
{
    public static IReadOnlyList<double> RequestDuration { get; } = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

    public static IReadOnlyList<double> GenerationDuration { get; } = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120];

    public static IReadOnlyList<double> TimeToFirstToken { get; } = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>Large models take minutes to load from disk, so the buckets reach 10 minutes.</summary>
    public static IReadOnlyList<double> LoadDuration { get; } = [0.1, 0.5, 1, 5, 15, 60, 120, 300, 600];

    public static IReadOnlyList<double> QueueWait { get; } = [0.01, 0.1, 1, 5, 30];
}
