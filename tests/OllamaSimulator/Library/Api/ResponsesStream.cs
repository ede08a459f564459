using OllamaSimulator.Inference;
using OllamaSimulator.Json;

namespace OllamaSimulator.Api;

/// <summary>
/// Ollama's <c>ResponsesStreamConverter</c> (openai/responses.go) over the simulated chat chunks:
/// <c>response.created</c>, <c>response.in_progress</c>, a reasoning item (summary text deltas), a
/// message item (content part, <c>response.output_text.delta</c>), then <c>response.completed</c> with the
/// usage. Event data are Go maps: keys sorted, each with its <c>sequence_number</c>.
/// </summary>
internal sealed class ResponsesStream(string responseId, string itemId, string model, ResponsesRequestEcho echo, Func<long> now, Func<string, GoJsonWriter, Task> write)
{
    private readonly string reasoningId = $"rs_{Random.Shared.Next(999999)}";
    private readonly List<Action<GoJsonWriter>> completedItems = [];
    private bool started;
    private int sequence;
    private int outputIndex;
    private bool reasoningStarted;
    private string thinking = "";
    private bool contentStarted;
    private string text = "";

    public async Task TokenAsync(GeneratedToken token)
    {
        await StartAsync();
        if (token.IsThinking)
        {
            if (!reasoningStarted)
            {
                reasoningStarted = true;
                await EmitAsync("response.output_item.added", j => j
                    .Name("item").StartObject().Property("id", reasoningId).Name("summary").StartArray().EndArray().Property("type", "reasoning").EndObject()
                    .Property("output_index", outputIndex));
            }

            thinking += token.Text;
            await EmitAsync("response.reasoning_summary_text.delta", j => j
                .Property("delta", token.Text).Property("item_id", reasoningId).Property("output_index", outputIndex), summaryIndex: true);
            return;
        }

        await FinishReasoningAsync();
        if (!contentStarted)
        {
            contentStarted = true;
            await EmitAsync("response.output_item.added", j => j
                .Name("item").StartObject().Name("content").StartArray().EndArray().Property("id", itemId).Property("role", "assistant").Property("status", "in_progress").Property("type", "message").EndObject()
                .Property("output_index", outputIndex));
            await EmitAsync("response.content_part.added", j => j
                .Property("content_index", 0).Property("item_id", itemId).Property("output_index", outputIndex)
                .Name("part").StartObject().Name("annotations").StartArray().EndArray().Name("logprobs").StartArray().EndArray().Property("text", "").Property("type", "output_text").EndObject());
        }

        text += token.Text;
        await EmitAsync("response.output_text.delta", j => j
            .Property("content_index", 0).Property("delta", token.Text).Property("item_id", itemId).Name("logprobs").StartArray().EndArray().Property("output_index", outputIndex));
    }

    public async Task DoneAsync(GenerationResult result)
    {
        await StartAsync();
        await FinishReasoningAsync();
        if (contentStarted)
        {
            await EmitAsync("response.output_text.done", j => j
                .Property("content_index", 0).Property("item_id", itemId).Name("logprobs").StartArray().EndArray().Property("output_index", outputIndex), text: text);
            await EmitAsync("response.content_part.done", j => OutputText(j.Property("content_index", 0).Property("item_id", itemId).Property("output_index", outputIndex).Name("part")));
            await EmitAsync("response.output_item.done", j => MessageItem(j.Name("item")).Property("output_index", outputIndex));
        }

        var prompt = result.Metrics.PromptEvalCount;
        var generated = result.Metrics.EvalCount;
        await EmitAsync("response.completed", j => echo.StreamObject(j.Name("response"), responseId, model, "completed", now(), now(), FinalOutput, u => u.StartObject()
            .Property("input_tokens", prompt)
            .Name("input_tokens_details").StartObject().Property("cached_tokens", 0).EndObject()
            .Property("output_tokens", generated)
            .Name("output_tokens_details").StartObject().Property("reasoning_tokens", 0).EndObject()
            .Property("total_tokens", prompt + generated)
            .EndObject()));
    }

    private async Task StartAsync()
    {
        if (started)
        {
            return;
        }

        started = true;
        await EmitAsync("response.created", j => InProgress(j.Name("response")));
        await EmitAsync("response.in_progress", j => InProgress(j.Name("response")));
    }

    private void InProgress(GoJsonWriter json) =>
        echo.StreamObject(json, responseId, model, "in_progress", now(), null, o => o.StartArray().EndArray(), null);

    private async Task FinishReasoningAsync()
    {
        if (!reasoningStarted)
        {
            return;
        }

        reasoningStarted = false;
        var summary = thinking;
        void Item(GoJsonWriter j) => j.StartObject().Property("encrypted_content", summary).Property("id", reasoningId)
            .Name("summary").StartArray().StartObject().Property("text", summary).Property("type", "summary_text").EndObject().EndArray()
            .Property("type", "reasoning").EndObject();
        completedItems.Add(Item);
        await EmitAsync("response.reasoning_summary_text.done", j => j
            .Property("item_id", reasoningId).Property("output_index", outputIndex), summaryIndex: true, text: summary);
        await EmitAsync("response.output_item.done", j => Item(j.Name("item")), trailingOutputIndex: outputIndex);
        outputIndex++;
    }

    private void FinalOutput(GoJsonWriter json)
    {
        json.StartArray();
        foreach (var item in completedItems)
        {
            item(json);
        }

        if (contentStarted)
        {
            MessageItem(json);
        }

        json.EndArray();
    }

    private GoJsonWriter MessageItem(GoJsonWriter json)
    {
        json.StartObject().Name("content").StartArray();
        OutputText(json);
        return json.EndArray().Property("id", itemId).Property("role", "assistant").Property("status", "completed").Property("type", "message").EndObject();
    }

    private GoJsonWriter OutputText(GoJsonWriter json) => json.StartObject()
        .Name("annotations").StartArray().EndArray().Name("logprobs").StartArray().EndArray().Property("text", text).Property("type", "output_text").EndObject();

    /// <summary>
    /// One event: the fields up to <c>output_index</c> (or <c>response</c>), then, in sorted order, the
    /// optional <c>output_index</c>, <c>sequence_number</c>, <c>summary_index</c>, <c>text</c>, <c>type</c>.
    /// </summary>
    private Task EmitAsync(string type, Action<GoJsonWriter> fields, bool summaryIndex = false, string? text = null, int? trailingOutputIndex = null)
    {
        var json = new GoJsonWriter().StartObject();
        fields(json);
        if (trailingOutputIndex is { } index)
        {
            json.Property("output_index", index);
        }

        json.Property("sequence_number", sequence++);
        if (summaryIndex)
        {
            json.Property("summary_index", 0);
        }

        if (text is not null)
        {
            json.Property("text", text);
        }

        return write(type, json.Property("type", type).EndObject());
    }
}
