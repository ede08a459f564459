using System.Text;
using System.Text.Json;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class RequestInspectorTests
{
    private static RequestFacts Inspect(MeteredEndpoint endpoint, string body) => RequestInspector.Inspect(endpoint, Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("POST", "/api/generate", MeteredEndpoint.Generate)]
    [InlineData("POST", "/api/chat/", MeteredEndpoint.Chat)]
    [InlineData("POST", "/api/embed", MeteredEndpoint.Embed)]
    [InlineData("POST", "/api/embeddings", MeteredEndpoint.Embeddings)]
    [InlineData("POST", "/v1/chat/completions", MeteredEndpoint.OpenAiChat)]
    [InlineData("POST", "/v1/completions", MeteredEndpoint.OpenAiCompletions)]
    [InlineData("POST", "/v1/embeddings", MeteredEndpoint.OpenAiEmbeddings)]
    [InlineData("GET", "/api/generate", MeteredEndpoint.None)]
    [InlineData("POST", "/api/show", MeteredEndpoint.None)]
    [InlineData("GET", "/api/tags", MeteredEndpoint.None)]
    public void Classify_MeasuresOnlyInferenceEndpoints(string method, string path, MeteredEndpoint expected) =>
        Assert.Equal(expected, MeteredEndpoints.Classify(method, path));

    [Theory]
    [InlineData(MeteredEndpoint.Generate, """{"model":"llama3.2","prompt":"hi"}""", true)]
    [InlineData(MeteredEndpoint.Chat, """{"model":"llama3.2","messages":[],"stream":false}""", false)]
    [InlineData(MeteredEndpoint.OpenAiChat, """{"model":"llama3.2","messages":[]}""", false)]
    [InlineData(MeteredEndpoint.Embed, """{"model":"llama3.2","input":"x"}""", false)]
    public void Inspect_ReadsModelAndStreamDefaults(MeteredEndpoint endpoint, string body, bool stream)
    {
        var facts = Inspect(endpoint, body);

        Assert.Equal(("llama3.2", stream, false), (facts.Model, facts.Stream, facts.StripUsage));
        Assert.Equal(body, Encoding.UTF8.GetString(facts.Body.Span));
    }

    [Fact]
    public void Inspect_OpenAiStreamWithoutUsage_AsksForItAndMarksTheChunkForRemoval()
    {
        var facts = Inspect(MeteredEndpoint.OpenAiChat, """{"model":"m","stream":true,"messages":[]}""");

        Assert.True(facts.StripUsage);
        using var body = JsonDocument.Parse(facts.Body);
        Assert.True(body.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("m", body.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void Inspect_OpenAiStreamAskingForUsage_IsLeftAlone()
    {
        const string body = """{"model":"m","stream":true,"stream_options":{"include_usage":true}}""";

        var facts = Inspect(MeteredEndpoint.OpenAiCompletions, body);

        Assert.False(facts.StripUsage);
        Assert.Equal(body, Encoding.UTF8.GetString(facts.Body.Span));
    }

    [Fact]
    public void Inspect_OpenAiStreamWithOtherStreamOptions_KeepsThem()
    {
        var facts = Inspect(MeteredEndpoint.OpenAiChat, """{"model":"m","stream":true,"stream_options":{"include_usage":false,"x":1}}""");

        using var body = JsonDocument.Parse(facts.Body);
        Assert.True(body.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal(1, body.RootElement.GetProperty("stream_options").GetProperty("x").GetInt32());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("""{"model":7}""")]
    public void Inspect_BodiesOllamaWillReject_PassUntouchedWithoutModel(string body)
    {
        var facts = Inspect(MeteredEndpoint.Generate, body);

        Assert.Null(facts.Model);
        Assert.Equal(body, Encoding.UTF8.GetString(facts.Body.Span));
    }
}
