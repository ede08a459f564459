using System.Text.Json;

namespace OllamaSimulator.Json;

/// <summary>The request structs of Ollama's <c>api</c> and <c>openai</c> packages, as far as decoding errors go.</summary>
internal static class RequestSchemas
{
    public static readonly GoType KeepAlive = GoType.WithUnmarshaler("api.Duration", value =>
    {
        GoDuration.ReadKeepAlive(value, out var error);
        return error;
    });

    public static readonly GoType Think = GoType.WithUnmarshaler("api.ThinkValue", ThinkValue.Validate);

    public static readonly GoStruct Message = new(
        "api.Message",
        ("role", GoType.String),
        ("content", GoType.String),
        ("thinking", GoType.String),
        ("images", GoType.SliceOf(GoType.String)),
        ("tool_calls", GoType.Any),
        ("tool_name", GoType.String),
        ("tool_call_id", GoType.String));

    public static readonly GoStruct Generate = new(
        "api.GenerateRequest",
        ("model", GoType.String),
        ("prompt", GoType.String),
        ("suffix", GoType.String),
        ("system", GoType.String),
        ("template", GoType.String),
        ("context", GoType.SliceOf(GoType.Int)),
        ("stream", GoType.Bool),
        ("raw", GoType.Bool),
        ("format", GoType.Any),
        ("keep_alive", KeepAlive),
        ("images", GoType.SliceOf(GoType.String)),
        ("options", GoType.Map),
        ("think", Think),
        ("truncate", GoType.Bool),
        ("shift", GoType.Bool),
        ("logprobs", GoType.Bool),
        ("top_logprobs", GoType.Int));

    public static readonly GoStruct Chat = new(
        "api.ChatRequest",
        ("model", GoType.String),
        ("messages", GoType.SliceOf(Message)),
        ("stream", GoType.Bool),
        ("format", GoType.Any),
        ("keep_alive", KeepAlive),
        ("tools", GoType.Any),
        ("options", GoType.Map),
        ("think", Think),
        ("truncate", GoType.Bool),
        ("shift", GoType.Bool),
        ("logprobs", GoType.Bool),
        ("top_logprobs", GoType.Int));

    public static readonly GoStruct Embed = new(
        "api.EmbedRequest",
        ("model", GoType.String),
        ("input", GoType.Any),
        ("keep_alive", KeepAlive),
        ("truncate", GoType.Bool),
        ("dimensions", GoType.Int),
        ("options", GoType.Map));

    public static readonly GoStruct Embeddings = new(
        "api.EmbeddingRequest",
        ("model", GoType.String),
        ("prompt", GoType.String),
        ("keep_alive", KeepAlive),
        ("options", GoType.Map));

    public static readonly GoStruct Show = new(
        "api.ShowRequest",
        ("model", GoType.String),
        ("name", GoType.String),
        ("system", GoType.String),
        ("template", GoType.String),
        ("verbose", GoType.Bool),
        ("options", GoType.Map));

    public static readonly GoStruct Delete = new("api.DeleteRequest", ("model", GoType.String), ("name", GoType.String));

    public static readonly GoStruct Copy = new("api.CopyRequest", ("source", GoType.String), ("destination", GoType.String));

    public static readonly GoStruct Pull = new(
        "api.PullRequest",
        ("model", GoType.String),
        ("name", GoType.String),
        ("insecure", GoType.Bool),
        ("stream", GoType.Bool));

    public static readonly GoStruct StreamOptions = new("openai.StreamOptions", ("include_usage", GoType.Bool));

    public static readonly GoStruct OpenAiMessage = new(
        "openai.Message",
        ("role", GoType.String),
        ("content", GoType.Any),
        ("reasoning", GoType.String),
        ("tool_calls", GoType.Any),
        ("name", GoType.String),
        ("tool_call_id", GoType.String));

    public static readonly GoStruct OpenAiChat = new(
        "openai.ChatCompletionRequest",
        ("model", GoType.String),
        ("messages", GoType.SliceOf(OpenAiMessage)),
        ("stream", GoType.Bool),
        ("stream_options", StreamOptions),
        ("max_tokens", GoType.Int),
        ("seed", GoType.Int),
        ("stop", GoType.Any),
        ("temperature", GoType.Float64),
        ("frequency_penalty", GoType.Float64),
        ("presence_penalty", GoType.Float64),
        ("top_p", GoType.Float64),
        ("response_format", GoType.Any),
        ("tools", GoType.Any),
        ("reasoning", GoType.Any),
        ("reasoning_effort", GoType.String),
        ("logprobs", GoType.Bool),
        ("top_logprobs", GoType.Int));

    public static readonly GoStruct OpenAiCompletion = new(
        "openai.CompletionRequest",
        ("model", GoType.String),
        ("prompt", GoType.String),
        ("frequency_penalty", GoType.Float32),
        ("max_tokens", GoType.Int),
        ("presence_penalty", GoType.Float32),
        ("seed", GoType.Int),
        ("stop", GoType.Any),
        ("stream", GoType.Bool),
        ("stream_options", StreamOptions),
        ("temperature", GoType.Float32),
        ("top_p", GoType.Float32),
        ("suffix", GoType.String));

    public static readonly GoStruct OpenAiEmbed = new(
        "openai.EmbedRequest",
        ("input", GoType.Any),
        ("model", GoType.String),
        ("dimensions", GoType.Int),
        ("encoding_format", GoType.String));

    /// <summary>Ollama's <c>api.ThinkValue</c>: a bool or one of the level strings.</summary>
    private static class ThinkValue
    {
        public static string? Validate(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False => null,
            JsonValueKind.String when value.GetString() is "high" or "medium" or "low" or "max" => null,
            JsonValueKind.String =>
                $"invalid think value: {GoQuote.Quote(value.GetString()!)} (must be \"high\", \"medium\", \"low\", \"max\", true, or false)",
            _ => "think must be a boolean or string",
        };
    }
}
