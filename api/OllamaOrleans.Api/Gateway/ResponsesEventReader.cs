using System.Text.Json;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Reads Ollama's OpenAI Responses answers (openai/responses.go): <c>response.*</c> events, with the
/// usage in <c>response.completed</c>, or <c>response.failed</c>/<c>error</c>; a non-streamed answer is
/// one <c>response</c> object. Ollama's Responses carry no done reason.
/// </summary>
public sealed class ResponsesEventReader : IStreamEventReader
{
    public bool SawContent { get; private set; }

    public bool Done { get; private set; }

    public string? Failure { get; private set; }

    public long PromptTokens { get; private set; }

    public long GenerationTokens { get; private set; }

    public string? DoneReason => null;

    public void ReadEvent(ReadOnlySpan<byte> data)
    {
        using var document = JsonFields.ParseObject(data, out var failure);
        if (document is null)
        {
            Failure ??= failure;
            return;
        }

        var root = document.RootElement;
        switch (JsonFields.String(root, "type"))
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

    public void ReadBody(ReadOnlySpan<byte> body)
    {
        using var document = JsonFields.ParseObject(body, out var failure);
        if (document is null)
        {
            Failure ??= failure;
            return;
        }

        ReadUsage(JsonFields.Object(document.RootElement, "usage"));
        Done = true;
    }

    private void ReadUsage(JsonElement usage)
    {
        if (usage.ValueKind == JsonValueKind.Object)
        {
            PromptTokens = JsonFields.Long(usage, "input_tokens");
            GenerationTokens = JsonFields.Long(usage, "output_tokens");
        }
    }
}
