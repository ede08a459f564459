using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Grains.Statistics;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Tests.Grains.Statistics;

public sealed class InferenceCountersTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void Record_CountsByEndpointMethodStatus_AndFillsHistogramsAndCounters()
    {
        var counters = new InferenceCounters { Source = InferenceSources.Probe };

        counters.Record(new InferenceRecord(T0, "probe", "generate", "POST", "200", 0.8, 0.3, 0.002, 12, 0.1, 4, 0.2, DoneReason: "stop"));
        counters.Record(new InferenceRecord(T0, "probe", "generate", "POST", "200", 40, null, null, 10, 0.1, 100, 2, DoneReason: "length"));
        counters.Record(new InferenceRecord(T0, "probe", "generate", "POST", "503", 0.01, null, null, 0, 0, 0, 0));

        var snapshot = counters.ToSnapshot();
        Assert.Equal<RequestCount>(
            [new RequestCount("generate", "POST", "200", 2), new RequestCount("generate", "POST", "503", 1)],
            snapshot.Requests);
        var duration = Assert.Single(snapshot.RequestDuration);
        Assert.Equal("generate", duration.Endpoint);
        Assert.Equal<long>([1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0], duration.Histogram.BucketCounts);
        Assert.Equal(3, duration.Histogram.Count);
        Assert.Equal(1, snapshot.TimeToFirstToken.Count);
        Assert.Equal(1, snapshot.LoadDuration.Count);
        Assert.Equal(2, snapshot.GenerationDuration.Count);
        Assert.Equal((22L, 104L), (snapshot.PromptTokens, snapshot.GenerationTokens));
        Assert.Equal(2.2, snapshot.GenerationSeconds, 9);
        Assert.Equal(0.2, snapshot.PromptEvalSeconds, 9);
        Assert.Equal(50.0, snapshot.LastTokensPerSecond);
        Assert.Equal(new Dictionary<string, long> { ["length"] = 1, ["stop"] = 1 }, snapshot.DoneReasons);
    }

    [Fact]
    public void CumulativeHistogram_FromOtherBounds_KeepsItsCountInInf()
    {
        var histogram = new CumulativeHistogram { Counts = [1, 2], Count = 3, Sum = 4 };

        var snapshot = histogram.ToSnapshot(InferenceBuckets.LoadDuration);

        Assert.Equal(10, snapshot.BucketCounts.Length);
        Assert.Equal(3, snapshot.BucketCounts[^1]);
    }

    [Fact]
    public void LoadDuration_HasBucketsForLoadsOfMinutes()
    {
        var histogram = new CumulativeHistogram();
        histogram.Observe(90, InferenceBuckets.LoadDuration);
        histogram.Observe(400, InferenceBuckets.LoadDuration);

        var snapshot = histogram.ToSnapshot(InferenceBuckets.LoadDuration);

        Assert.Equal(new[] { 0.1, 0.5, 1, 5, 15, 60, 120, 300, 600 }, InferenceBuckets.LoadDuration);
        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 0, 1, 0, 1, 0 }, snapshot.BucketCounts.ToArray());
    }
}
