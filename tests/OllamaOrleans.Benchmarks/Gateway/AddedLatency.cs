namespace OllamaOrleans.Benchmarks.Gateway;

/// <summary>
/// What a proxy adds to direct requests measured in the same run: the difference of the percentiles of
/// small non-streamed requests (p50, p99) and of the first byte of streams (p50).
/// </summary>
public sealed record AddedLatency(double SmallP50, double SmallP99, double FirstByteP50)
{
    public static AddedLatency Of(string target, Dictionary<string, List<double>> small, Dictionary<string, List<double>> firstByte) => new(
        Percentiles.Of(small[target], 0.5) - Percentiles.Of(small["direct"], 0.5),
        Percentiles.Of(small[target], 0.99) - Percentiles.Of(small["direct"], 0.99),
        Percentiles.Of(firstByte[target], 0.5) - Percentiles.Of(firstByte["direct"], 0.5));
}
