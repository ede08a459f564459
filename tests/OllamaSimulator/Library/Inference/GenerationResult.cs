namespace OllamaSimulator.Inference;

/// <summary>How a generation ended, its metrics, and the token ids Ollama returns as <c>context</c>.</summary>
internal sealed record GenerationResult(string DoneReason, InferenceMetrics Metrics, IReadOnlyList<int> Context);
