using System.Text.Json;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads Ollama's OpenAI Responses answers (openai/responses.go): <c>response.*</c> events, with the
/// usage in <c>response.completed</c>, or <c>response.failed</c>/<c>error</c>; a non-streamed answer is
/// one <c>response</c> object. Ollama's Responses carry no done reason.
/// </summary>
public sealed class ResponsesEventReader : StreamEventReader
{
    protected override void OnEvent(string? type, JsonElement root)
    {
        switch (type)
        {
            case "error" or "response.failed":
                Failure ??= RequestOutcomes.StreamError;
                break;
            case "response.output_text.delta" or "response.reasoning_summary_text.delta" or "response.reasoning_text.delta"
                or "response.function_call_arguments.delta" or "response.refusal.delta":
                SawContent |= JsonFields.NonEmpty(root, "delta");
                break;
            case "response.completed" or "response.incomplete":
                ReadUsage(JsonFields.Object(JsonFields.Object(root, "response"), "usage"));
                Done = true;
                break;
        }
    }
}
