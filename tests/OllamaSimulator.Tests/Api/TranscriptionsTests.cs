using System.Net.Http.Headers;
using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

/// <summary><c>POST /v1/audio/transcriptions</c> as middleware/openai.go TranscriptionMiddleware answers it.</summary>
public sealed class TranscriptionsTests
{
    private static MultipartFormDataContent Form(string? model, byte[]? audio, string? format = null)
    {
        var form = new MultipartFormDataContent();
        if (audio is not null)
        {
            var file = new ByteArrayContent(audio);
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "file", "speech.wav");
        }

        if (model is not null)
        {
            form.Add(new StringContent(model), "model");
        }

        if (format is not null)
        {
            form.Add(new StringContent(format), "response_format");
        }

        return form;
    }

    private static async Task<Reply> PostAsync(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("/v1/audio/transcriptions", content);
        return await Reply.ReadAsync(response);
    }

    /// <summary>TranscriptionWriter: the answer's content, trimmed, as {"text"} (json.Encoder: trailing newline).</summary>
    [Fact]
    public async Task Json_TextOfTheAnswer()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 3));
        using var client = sim.Hosts[0].Client();
        using var form = Form("llama3.2", [1, 2, 3]);
        var reply = await PostAsync(client, form);

        Assert.Equal((200, "application/json"), (reply.Status, reply.ContentType));
        Assert.Equal("{\"text\":\"The sky appears\"}\n", reply.Body);
    }

    /// <summary>TranscriptionWriter: response_format=text answers text/plain; thinking is not part of the transcript.</summary>
    [Fact]
    public async Task TextFormat_PlainText_WithoutThinking()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(responseTokens: 2));
        using var client = sim.Hosts[0].Client();
        using var form = Form("deepseek-r1:8b", [1], "text");
        var reply = await PostAsync(client, form);

        Assert.Equal((200, "text/plain", "The sky"), (reply.Status, reply.ContentType, reply.Body));
    }

    /// <summary>TranscriptionMiddleware's checks, in its order, each an openai.NewError 400; the chat handler's 404 in the same envelope.</summary>
    [Theory]
    [InlineData(null, true, 400, "model is required")]
    [InlineData("llama3.2", false, 400, "file is required: http: no such file")]
    [InlineData("nope", true, 404, "model 'nope' not found")]
    public async Task Errors_OpenAiEnvelope(string? model, bool withFile, int status, string message)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        using var form = Form(model, withFile ? [1, 2] : null);
        var reply = await PostAsync(client, form);

        Assert.Equal(status, reply.Status);
        Assert.Equal(message, reply.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task EmptyFileAndNotAForm_Are400s()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        using var empty = Form("llama3.2", []);
        var emptyReply = await PostAsync(client, empty);
        var json = await client.PostAsync("/v1/audio/transcriptions", "{\"model\":\"llama3.2\"}");

        Assert.Equal((400, "audio file is empty"), (emptyReply.Status, emptyReply.Json.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal((400, "failed to parse multipart form: request Content-Type isn't multipart/form-data"), (json.Status, json.Json.GetProperty("error").GetProperty("message").GetString()));
    }
}
