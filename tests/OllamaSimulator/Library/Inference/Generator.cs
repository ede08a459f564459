using OllamaSimulator.Api;
using OllamaSimulator.Scheduling;

namespace OllamaSimulator.Inference;

/// <summary>
/// Runs one generation on a held runner: waits for a parallel slot, "evaluates" the prompt, then emits the
/// deterministic token stream paced at the configured tokens per second. Cancellation (client gone) stops it
/// at once and frees the slot without a final object.
/// </summary>
internal static class Generator
{
    public const string RunnerStoppedMessage =
        "model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, check ollama server logs for details";

    public const string MidStreamFailureMessage = "an error was encountered while running the model: unexpected EOF";

    /// <summary>Prompt evaluation runs this many times faster than generation, as on real hardware.</summary>
    private const double PromptSpeedup = 10;

    public static async Task<GenerationResult> RunAsync(
        HostContext host,
        RunnerLease lease,
        GenerationRequest request,
        Func<GeneratedToken, Task> onToken,
        CancellationToken cancellationToken)
    {
        var time = host.Time;
        var tokensPerSecond = host.Options.TokensPerSecond;
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Crashed);
        var produced = 0;
        try
        {
            await lease.AcquireSlotAsync(scope.Token);
            var promptDuration = Seconds(request.PromptTokens / (tokensPerSecond * PromptSpeedup));
            await DelayAsync(time, promptDuration, scope.Token);
            host.Counters.CountPrompt(request.PromptTokens);

            var (tokens, doneReason) = Plan(host.Options, request);
            var contextIds = new List<int>(Enumerable.Range(0, request.PromptTokens).Select(i => ((i * 7919) + 13) % 128_000));
            var answer = "";
            var generationStart = time.GetTimestamp();
            foreach (var token in tokens)
            {
                await DelayAsync(time, Seconds((produced + 1) / tokensPerSecond) - time.GetElapsedTime(generationStart), scope.Token);
                if (!token.IsThinking && request.Options.Stop.Any(stop => stop.Length > 0 && (answer + token.Text).Contains(stop, StringComparison.Ordinal)))
                {
                    doneReason = "stop";
                    break;
                }

                produced++;
                host.Counters.CountGenerated(1);
                answer += token.IsThinking ? "" : token.Text;
                contextIds.Add(TokenText.TokenId(token.Text));
                await onToken(token);
            }

            var load = InferenceMetrics.Nanoseconds(lease.LoadDuration);
            var promptEval = InferenceMetrics.Nanoseconds(promptDuration);
            var eval = InferenceMetrics.Nanoseconds(Seconds(produced / tokensPerSecond));
            // Measured wall time, but never less than its parts (timer granularity could make it so).
            var total = Math.Max(InferenceMetrics.Nanoseconds(time.GetElapsedTime(request.StartedTimestamp)), load + promptEval + eval);
            return new GenerationResult(doneReason, new InferenceMetrics(total, load, request.PromptTokens, promptEval, produced, eval), contextIds);
        }
        catch (OperationCanceledException) when (lease.Crashed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiException(500, produced == 0 ? RunnerStoppedMessage : MidStreamFailureMessage);
        }
    }

    /// <summary>The tokens to emit and the done reason if nothing stops them early.</summary>
    private static (List<GeneratedToken> Tokens, string DoneReason) Plan(SimulatorOptions options, GenerationRequest request)
    {
        var natural = new List<GeneratedToken>();
        if (request.Think)
        {
            natural.AddRange(TokenText.Thought.Select(t => new GeneratedToken(t, true)));
        }

        var answer = request.JsonFormat
            ? TokenText.JsonAnswer
            : [.. Enumerable.Range(0, options.ResponseTokens).Select(i => TokenText.Answer[i % TokenText.Answer.Count])];
        natural.AddRange(answer.Select(t => new GeneratedToken(t, false)));

        var limit = request.Options.NumPredict;
        return limit >= 0 && limit <= natural.Count
            ? (natural[..limit], "length")
            : (natural, "stop");
    }

    private static TimeSpan Seconds(double seconds) =>
        double.IsFinite(seconds) ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)) : TimeSpan.Zero;

    private static Task DelayAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return delay > TimeSpan.Zero ? Delays.AtLeastAsync(time, delay, cancellationToken) : Task.CompletedTask;
    }
}
