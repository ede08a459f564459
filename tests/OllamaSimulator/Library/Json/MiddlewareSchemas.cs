using System.Text.Json;

namespace OllamaSimulator.Json;

/// <summary>
/// The request structs of Ollama's Anthropic and Responses middlewares (anthropic/anthropic.go
/// <c>MessagesRequest</c>, openai/responses.go <c>ResponsesRequest</c>), as far as decoding errors go.
/// </summary>
internal static class MiddlewareSchemas
{
    /// <summary>Fields with their own <c>UnmarshalJSON</c>: checked by the endpoint, named as Go names them.</summary>
    private static GoType Custom(string name) => GoType.WithUnmarshaler(name, _ => null);

    public static readonly GoStruct AnthropicMessages = new(
        "anthropic.MessagesRequest",
        ("model", GoType.String),
        ("max_tokens", GoType.Int),
        ("messages", GoType.SliceOf(Custom("anthropic.MessageParam"))),
        ("system", GoType.Any),
        ("stream", GoType.Bool),
        ("temperature", GoType.Float64),
        ("top_p", GoType.Float64),
        ("top_k", GoType.Int),
        ("stop_sequences", GoType.SliceOf(GoType.String)),
        ("tools", GoType.Any),
        ("tool_choice", GoType.Any),
        ("thinking", GoType.Any),
        ("metadata", GoType.Any),
        ("output_config", GoType.Any));

    public static readonly GoStruct Responses = new(
        "openai.ResponsesRequest",
        ("model", GoType.String),
        ("background", GoType.Bool),
        ("conversation", GoType.Any),
        ("include", GoType.SliceOf(GoType.String)),
        ("input", GoType.WithUnmarshaler("openai.ResponsesInput", ResponsesInput)),
        ("instructions", GoType.String),
        ("max_output_tokens", GoType.Int),
        ("reasoning", GoType.Any),
        ("temperature", GoType.Float64),
        ("text", GoType.Any),
        ("top_p", GoType.Float64),
        ("truncation", GoType.String),
        ("tools", GoType.Any),
        ("stream", GoType.Bool));

    /// <summary><c>ResponsesInput.UnmarshalJSON</c>: a string, else an array (its items are not checked here).</summary>
    private static string? ResponsesInput(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Null => null,
        JsonValueKind.Object => "input must be a string or array: json: cannot unmarshal object into Go value of type []json.RawMessage",
        JsonValueKind.Number => "input must be a string or array: json: cannot unmarshal number into Go value of type []json.RawMessage",
        _ => "input must be a string or array: json: cannot unmarshal bool into Go value of type []json.RawMessage",
    };
}
