using OllamaSimulator.Json;

namespace OllamaSimulator.Inference;

/// <summary>The six metrics of a final generate/chat object, in nanoseconds; each omitted when 0.</summary>
internal sealed record InferenceMetrics(
    long TotalDuration, long LoadDuration, long PromptEvalCount, long PromptEvalDuration, long EvalCount, long EvalDuration)
{
    public void WriteTo(GoJsonWriter json) => json
        .PropertyIfNotZero("total_duration", TotalDuration)
        .PropertyIfNotZero("load_duration", LoadDuration)
        .PropertyIfNotZero("prompt_eval_count", PromptEvalCount)
        .PropertyIfNotZero("prompt_eval_duration", PromptEvalDuration)
        .PropertyIfNotZero("eval_count", EvalCount)
        .PropertyIfNotZero("eval_duration", EvalDuration);

    public static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;
}
