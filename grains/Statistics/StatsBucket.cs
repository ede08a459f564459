namespace OllamaOrleans.Grains.Statistics;

/// <summary>What happened to one model during one time bucket. Mergeable by addition.</summary>
public sealed class StatsBucket
{
    /// <summary>Start of the bucket, Unix seconds.</summary>
    public long Start { get; set; }

    public long Requests { get; set; }

    public Dictionary<string, long> Errors { get; set; } = new(StringComparer.Ordinal);

    public long PromptTokens { get; set; }

    public long GenerationTokens { get; set; }

    public double GenerationSeconds { get; set; }

    public LatencySketch Latency { get; set; } = new();

    public void Add(RequestRecord record)
    {
        Requests++;
        if (record.IsError)
        {
            Errors[record.Outcome] = Errors.GetValueOrDefault(record.Outcome) + 1;
        }

        PromptTokens += record.PromptTokens;
        GenerationTokens += record.GenerationTokens;
        GenerationSeconds += record.GenerationSeconds;
        Latency.Add(record.LatencySeconds);
    }

    public void Merge(StatsBucket other)
    {
        Requests += other.Requests;
        foreach (var (outcome, count) in other.Errors)
        {
            Errors[outcome] = Errors.GetValueOrDefault(outcome) + count;
        }

        PromptTokens += other.PromptTokens;
        GenerationTokens += other.GenerationTokens;
        GenerationSeconds += other.GenerationSeconds;
        Latency.Merge(other.Latency);
    }
}
