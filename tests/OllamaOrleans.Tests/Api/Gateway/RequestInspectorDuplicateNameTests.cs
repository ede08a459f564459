using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>A body naming a property twice is forwarded untouched, without a model, not a 500.</summary>
public sealed class RequestInspectorDuplicateNameTests
{
    [Theory]
    [InlineData(MeteredEndpoint.Chat, """{"model":"llama3.2","model":"qwen3","messages":[]}""")]
    [InlineData(MeteredEndpoint.Generate, """{"model":"llama3.2","prompt":"hi","stream":false,"stream":true}""")]
    [InlineData(MeteredEndpoint.OpenAiChat, """{"model":"llama3.2","messages":[],"stream":true,"stream_options":{"include_usage":false,"include_usage":true}}""")]
    public void NameGivenTwice_IsForwardedUntouchedWithoutAModel(MeteredEndpoint endpoint, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        var facts = RequestInspector.Inspect(endpoint, body);

        Assert.Equal((null, false, false), (facts.Model, facts.Stream, facts.StripUsage));
        Assert.Equal(body, facts.Body.ToArray());
    }
}
