using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Statistics;

namespace OllamaOrleans.Grains.Statistics;

/// <summary>
/// Cumulative inference counters of one model from one source, in grain state: requests by endpoint,
/// method and status; duration histograms; token and seconds counters (rates come from these, not
/// from last values). The last tokens-per-second is kept for the original exporter's gauge.
/// </summary>
public sealed class InferenceCounters
{
    private const char Separator = '\u001f';

    public string Source { get; set; } = InferenceSources.Probe;

    public Dictionary<string, long> Requests { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Request latency per endpoint (the original exporter's histogram has an endpoint label).</summary>
    public Dictionary<string, CumulativeHistogram> RequestDuration { get; set; } = new(StringComparer.Ordinal);

    public CumulativeHistogram GenerationDuration { get; set; } = new();

    public CumulativeHistogram TimeToFirstToken { get; set; } = new();

    public CumulativeHistogram LoadDuration { get; set; } = new();

    public CumulativeHistogram QueueWait { get; set; } = new();

    public long PromptTokens { get; set; }

    public long GenerationTokens { get; set; }

    public double PromptEvalSeconds { get; set; }

    public double GenerationSeconds { get; set; }

    public double? LastTokensPerSecond { get; set; }

    /// <summary>Final objects by <c>done_reason</c> (stop, length, load, unload).</summary>
    public Dictionary<string, long> DoneReasons { get; set; } = new(StringComparer.Ordinal);

    public void Record(InferenceRecord record)
    {
        var key = string.Join(Separator, record.Endpoint, record.Method, record.Status);
        Requests[key] = Requests.GetValueOrDefault(key) + 1;
        if (!RequestDuration.TryGetValue(record.Endpoint, out var duration))
        {
            duration = new CumulativeHistogram();
            RequestDuration[record.Endpoint] = duration;
        }

        duration.Observe(record.LatencySeconds, InferenceBuckets.RequestDuration);
        if (record.TimeToFirstTokenSeconds is { } ttft)
        {
            TimeToFirstToken.Observe(ttft, InferenceBuckets.TimeToFirstToken);
        }

        if (record.LoadSeconds is { } load)
        {
            LoadDuration.Observe(load, InferenceBuckets.LoadDuration);
        }

        if (record.QueueWaitSeconds is { } wait)
        {
            QueueWait.Observe(wait, InferenceBuckets.QueueWait);
        }

        if (record.GenerationTokens > 0 && record.GenerationSeconds > 0)
        {
            GenerationDuration.Observe(record.GenerationSeconds, InferenceBuckets.GenerationDuration);
            LastTokensPerSecond = record.GenerationTokens / record.GenerationSeconds;
        }

        if (!string.IsNullOrEmpty(record.DoneReason))
        {
            var reason = record.DoneReason.Length <= 32 ? record.DoneReason : "other";
            DoneReasons[reason] = DoneReasons.GetValueOrDefault(reason) + 1;
        }

        PromptTokens += record.PromptTokens;
        GenerationTokens += record.GenerationTokens;
        PromptEvalSeconds += record.PromptEvalSeconds;
        GenerationSeconds += record.GenerationSeconds;
    }

    public InferenceSnapshot ToSnapshot() => new(
        Source,
        [.. Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => ToCount(r.Key, r.Value))],
        [.. RequestDuration.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new EndpointHistogram(d.Key, d.Value.ToSnapshot(InferenceBuckets.RequestDuration)))],
        GenerationDuration.ToSnapshot(InferenceBuckets.GenerationDuration),
        TimeToFirstToken.ToSnapshot(InferenceBuckets.TimeToFirstToken),
        LoadDuration.ToSnapshot(InferenceBuckets.LoadDuration),
        PromptTokens,
        GenerationTokens,
        PromptEvalSeconds,
        GenerationSeconds,
        LastTokensPerSecond)
    {
        QueueWait = QueueWait.ToSnapshot(InferenceBuckets.QueueWait),
        DoneReasons = DoneReasons.ToImmutableSortedDictionary(StringComparer.Ordinal),
    };

    private static RequestCount ToCount(string key, long count)
    {
        var parts = key.Split(Separator);
        return new RequestCount(parts[0], parts[1], parts[2], count);
    }
}
