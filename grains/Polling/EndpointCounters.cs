using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.Grains.Polling;

/// <summary>Cumulative latency histogram and failures of one endpoint; lives in the host grain's state.</summary>
[GenerateSerializer, Alias("OllamaOrleans.EndpointCounters")]
public sealed class EndpointCounters
{
    [Id(0)]
    public long[] Buckets { get; set; } = new long[PollLatencyBuckets.UpperBounds.Count + 1];

    [Id(1)]
    public double SumSeconds { get; set; }

    [Id(2)]
    public long Count { get; set; }

    [Id(3)]
    public Dictionary<string, long> Errors { get; set; } = new(StringComparer.Ordinal);

    public void Record(TimeSpan elapsed, PollFailure? failure)
    {
        EnsureShape();
        var seconds = Math.Max(0, elapsed.TotalSeconds);
        Buckets[PollLatencyBuckets.IndexOf(seconds)]++;
        SumSeconds += seconds;
        Count++;
        if (failure is not null)
        {
            var label = failure.Reason.ToLabel();
            Errors[label] = Errors.GetValueOrDefault(label) + 1;
        }
    }

    public EndpointPollStats ToStats(string endpoint)
    {
        EnsureShape();
        return new EndpointPollStats(endpoint, [.. Buckets], SumSeconds, Count, Errors.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>State written by a version with other bucket bounds keeps its total in the +Inf bucket.</summary>
    private void EnsureShape()
    {
        var expected = PollLatencyBuckets.UpperBounds.Count + 1;
        if (Buckets.Length == expected)
        {
            return;
        }

        var resized = new long[expected];
        resized[^1] = Buckets.Sum();
        Buckets = resized;
    }
}
