using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// Ollama's <c>anthropic.StreamConverter</c> (anthropic/anthropic.go <c>Process</c>) over the simulated
/// chat chunks: <c>message_start</c> with the estimated input tokens, a thinking block, a text block,
/// then <c>message_delta</c> (stop reason, counted usage) and <c>message_stop</c>.
/// </summary>
internal sealed class AnthropicStream(string id, string model, int estimatedInputTokens, Func<string, GoJsonWriter, Task> write)
{
    private bool started;
    private int index;
    private bool thinkingStarted;
    private bool thinkingDone;
    private bool textStarted;

    /// <summary>One streamed chunk: a thinking or a text token (metrics come only with the final chunk).</summary>
    public async Task TokenAsync(GeneratedToken token)
    {
        await StartAsync(0);
        if (token.IsThinking && !thinkingDone)
        {
            if (!thinkingStarted)
            {
                thinkingStarted = true;
                await write("content_block_start", BlockStart("thinking"));
            }

            await write("content_block_delta", Delta("thinking_delta", "thinking", token.Text));
            return;
        }

        if (token.IsThinking)
        {
            return;
        }

        if (thinkingStarted && !thinkingDone)
        {
            thinkingDone = true;
            await write("content_block_stop", Stop());
            index++;
        }

        if (!textStarted)
        {
            textStarted = true;
            await write("content_block_start", BlockStart("text"));
        }

        await write("content_block_delta", Delta("text_delta", "text", token.Text));
    }

    /// <summary>The final chunk: closes the open block, then the message.</summary>
    public async Task DoneAsync(GenerationResult result)
    {
        await StartAsync(result.Metrics.PromptEvalCount);
        if (textStarted || (thinkingStarted && !thinkingDone))
        {
            await write("content_block_stop", Stop());
        }

        await write("message_delta", new GoJsonWriter().StartObject()
            .Property("type", "message_delta")
            .Name("delta").StartObject().PropertyIfNotEmpty("stop_reason", StopReason(result.DoneReason)).EndObject()
            .Name("usage").StartObject()
            .Property("input_tokens", result.Metrics.PromptEvalCount)
            .Property("output_tokens", result.Metrics.EvalCount)
            .EndObject()
            .EndObject());
        await write("message_stop", new GoJsonWriter().StartObject().Property("type", "message_stop").EndObject());
    }

    /// <summary><c>mapStopReason</c> for a simulated chat (it makes no tool calls).</summary>
    public static string StopReason(string doneReason) => doneReason switch
    {
        "stop" => "end_turn",
        "length" => "max_tokens",
        "" => "",
        _ => "stop_sequence",
    };

    /// <summary>The first chunk's prompt count, or the estimate when it has none (streamed chunks never do).</summary>
    private Task StartAsync(long promptEvalCount)
    {
        if (started)
        {
            return Task.CompletedTask;
        }

        started = true;
        var input = promptEvalCount == 0 && estimatedInputTokens > 0 ? estimatedInputTokens : promptEvalCount;
        return write("message_start", new GoJsonWriter().StartObject()
            .Property("type", "message_start")
            .Name("message").StartObject()
            .Property("id", id)
            .Property("type", "message")
            .Property("role", "assistant")
            .Property("model", model)
            .Name("content").StartArray().EndArray()
            .Name("usage").StartObject().Property("input_tokens", input).Property("output_tokens", 0).EndObject()
            .EndObject()
            .EndObject());
    }

    private GoJsonWriter BlockStart(string type) => new GoJsonWriter().StartObject()
        .Property("type", "content_block_start")
        .Property("index", index)
        .Name("content_block").StartObject().Property("type", type).Property(type, "").EndObject()
        .EndObject();

    private GoJsonWriter Delta(string type, string field, string text) => new GoJsonWriter().StartObject()
        .Property("type", "content_block_delta")
        .Property("index", index)
        .Name("delta").StartObject().Property("type", type).PropertyIfNotEmpty(field, text).EndObject()
        .EndObject();

    private GoJsonWriter Stop() => new GoJsonWriter().StartObject()
        .Property("type", "content_block_stop")
        .Property("index", index)
        .EndObject();
}
