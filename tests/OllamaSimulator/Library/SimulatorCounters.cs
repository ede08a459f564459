using System.Collections.Concurrent;

namespace OllamaSimulator;

/// <summary>What one host has served, for assertions and the control API. Thread-safe.</summary>
public sealed class SimulatorCounters
{
    private readonly ConcurrentDictionary<(string Endpoint, int Status), long> requests = new();
    private long loads;
    private long unloads;
    private long evictions;
    private long generatedTokens;
    private long promptTokens;
    private long serverBusy;

    public long Loads => Interlocked.Read(ref loads);

    public long Unloads => Interlocked.Read(ref unloads);

    /// <summary>Unloads forced to make room for another model (count or memory limit).</summary>
    public long Evictions => Interlocked.Read(ref evictions);

    /// <summary>Tokens generated (eval_count summed), including thinking tokens and streams cut short.</summary>
    public long GeneratedTokens => Interlocked.Read(ref generatedTokens);

    /// <summary>Prompt tokens evaluated (prompt_eval_count summed), including embeddings.</summary>
    public long PromptTokens => Interlocked.Read(ref promptTokens);

    /// <summary>Requests refused with 503 because the pending queue was full.</summary>
    public long ServerBusy => Interlocked.Read(ref serverBusy);

    public long TotalRequests => requests.Values.Sum();

    /// <summary>Keyed by endpoint (<c>"POST /api/generate"</c>, <c>"unmatched"</c>) and HTTP status (0 = no answer sent).</summary>
    public IReadOnlyDictionary<(string Endpoint, int Status), long> Requests => new Dictionary<(string, int), long>(requests);

    public long RequestCount(string endpoint, int status) => requests.GetValueOrDefault((endpoint, status));

    /// <summary>Requests to <paramref name="endpoint"/> with any status.</summary>
    public long RequestCount(string endpoint) => requests.Where(r => r.Key.Endpoint == endpoint).Sum(r => r.Value);

    internal void CountRequest(string endpoint, int status) => requests.AddOrUpdate((endpoint, status), 1, (_, n) => n + 1);

    internal void CountLoad() => Interlocked.Increment(ref loads);

    internal void CountUnload() => Interlocked.Increment(ref unloads);

    internal void CountEviction() => Interlocked.Increment(ref evictions);

    internal void CountGenerated(long tokens) => Interlocked.Add(ref generatedTokens, tokens);

    internal void CountPrompt(long tokens) => Interlocked.Add(ref promptTokens, tokens);

    internal void CountServerBusy() => Interlocked.Increment(ref serverBusy);
}
