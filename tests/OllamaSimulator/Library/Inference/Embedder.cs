using OllamaSimulator.Api;
using OllamaSimulator.Scheduling;

namespace OllamaSimulator.Inference;

/// <summary>Embeds inputs on a held runner: one slot, prompt-eval pacing, deterministic vectors.</summary>
internal static class Embedder
{
    /// <summary>
    /// The runner's answer to the embedding request when it dies mid-request (llm/llama_server.go
    /// Embedding: <c>do embedding request: %w</c>); the port stands for the runner's random one.
    /// </summary>
    public const string RunnerFailureMessage = "do embedding request: Post \"http://127.0.0.1:40123/v1/embeddings\": EOF";

    /// <summary>Beginning- and end-of-sequence tokens around each input.</summary>
    private const int SpecialTokens = 2;

    public static int CountTokens(string input) => TokenText.CountTokens(input) + SpecialTokens;

    /// <summary>
    /// Waits for a slot and the simulated evaluation time; returns the prompt tokens evaluated. A crash
    /// fails with <paramref name="failureStatus"/>: the error is no StatusError, so EmbedHandler answers
    /// 400 and the legacy EmbeddingsHandler 500 (server/routes.go).
    /// </summary>
    public static async Task<int> EvaluateAsync(HostContext host, RunnerLease lease, IReadOnlyList<string> inputs, int failureStatus, CancellationToken cancellationToken)
    {
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Crashed);
        try
        {
            await lease.AcquireSlotAsync(scope.Token);
            var tokens = inputs.Sum(CountTokens);
            var seconds = tokens / (host.Options.TokensPerSecond * 10);
            if (double.IsFinite(seconds) && seconds > 0)
            {
                await Delays.AtLeastAsync(host.Time, TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)), scope.Token);
            }

            host.Counters.CountPrompt(tokens);
            return tokens;
        }
        catch (OperationCanceledException) when (lease.Crashed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiException(failureStatus, RunnerFailureMessage);
        }
    }
}
