namespace OllamaSimulator.Inference;

/// <summary>What to generate once a runner is held.</summary>
/// <param name="PromptTokens">Tokens of the rendered prompt (prompt_eval_count).</param>
/// <param name="Think">Whether to emit thinking tokens before the answer.</param>
/// <param name="JsonFormat">A <c>format</c> was requested: the answer is a JSON document.</param>
/// <param name="Options">Decoded request options (num_predict, stop).</param>
/// <param name="StartedTimestamp">Handler start, from the simulation's <see cref="TimeProvider"/>.</param>
internal sealed record GenerationRequest(int PromptTokens, bool Think, bool JsonFormat, InferenceOptions Options, long StartedTimestamp);
