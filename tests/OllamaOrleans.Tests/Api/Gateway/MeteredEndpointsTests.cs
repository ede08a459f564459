using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class MeteredEndpointsTests
{
    [Theory]
    [InlineData("POST", "/v1/responses", MeteredEndpoint.OpenAiResponses, "v1/responses")]
    [InlineData("POST", "/v1/messages", MeteredEndpoint.AnthropicMessages, "v1/messages")]
    [InlineData("POST", "/v1/audio/transcriptions/", MeteredEndpoint.AudioTranscriptions, "v1/audio/transcriptions")]
    [InlineData("GET", "/v1/messages", MeteredEndpoint.None, "other")]
    [InlineData("POST", "/v1/messages/count_tokens", MeteredEndpoint.None, "other")]
    public void Classify_MeasuresEveryInferenceRoute_WithItsPathAsLabel(string method, string path, MeteredEndpoint expected, string label)
    {
        var endpoint = MeteredEndpoints.Classify(method, path);

        Assert.Equal((expected, label), (endpoint, endpoint.Label()));
    }

    [Theory]
    [InlineData(MeteredEndpoint.OpenAiResponses, true)]
    [InlineData(MeteredEndpoint.AudioTranscriptions, true)]
    [InlineData(MeteredEndpoint.OpenAiChat, true)]
    [InlineData(MeteredEndpoint.AnthropicMessages, false)]
    [InlineData(MeteredEndpoint.Chat, false)]
    public void HasOpenAiErrors_FollowsTheMiddlewareThatAnswers(MeteredEndpoint endpoint, bool expected) =>
        Assert.Equal(expected, endpoint.HasOpenAiErrors());

    [Theory]
    [InlineData(MeteredEndpoint.OpenAiResponses)]
    [InlineData(MeteredEndpoint.AnthropicMessages)]
    public void StreamsByDefault_NotForMessagesOrResponses(MeteredEndpoint endpoint) =>
        Assert.False(endpoint.StreamsByDefault());
}
