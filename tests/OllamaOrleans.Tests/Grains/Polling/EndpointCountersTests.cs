using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Grains.Polling;

namespace OllamaOrleans.Tests.Grains.Polling;

public sealed class EndpointCountersTests
{
    [Fact]
    public void Record_FillsBucketsSumCountAndErrors()
    {
        var counters = new EndpointCounters();

        counters.Record(TimeSpan.FromMilliseconds(3), null);
        counters.Record(TimeSpan.FromMilliseconds(50), null);
        counters.Record(TimeSpan.FromSeconds(7), new PollFailure(PollFailureReason.Timeout, "x"));
        counters.Record(TimeSpan.FromMilliseconds(1), new PollFailure(PollFailureReason.Refused, "x"));

        var stats = counters.ToStats("/api/ps");
        Assert.Equal<long>([2L, 1L, 0L, 0L, 0L, 1L], stats.BucketCounts);
        Assert.Equal(4, stats.Count);
        Assert.Equal(7.054, stats.SumSeconds, 9);
        Assert.Equal(new Dictionary<string, long> { ["refused"] = 1, ["timeout"] = 1 }, stats.ErrorsByReason);
    }

    [Fact]
    public void ToStats_StateFromOtherBuckets_KeepsTheCountInInf()
    {
        var counters = new EndpointCounters { Buckets = [1, 2, 3], Count = 6 };

        var stats = counters.ToStats("/api/ps");

        Assert.Equal<long>([0L, 0L, 0L, 0L, 0L, 6L], stats.BucketCounts);
    }
}
