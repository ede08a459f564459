using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class OllamaErrorsTests
{
    private static async Task<(int Status, JsonElement Body)> WriteAsync(int status, MeteredEndpoint endpoint)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await OllamaErrors.WriteAsync(context, status, "model 'x' not found", endpoint);
        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Ollama's anthropic.NewError: type "error", the error's type by status, a req_ id.</summary>
    [Theory]
    [InlineData(400, "invalid_request_error")]
    [InlineData(404, "not_found_error")]
    [InlineData(502, "api_error")]
    [InlineData(503, "overloaded_error")]
    public async Task AnthropicMessages_AnthropicShape(int status, string type)
    {
        var (written, body) = await WriteAsync(status, MeteredEndpoint.AnthropicMessages);

        Assert.Equal(status, written);
        Assert.Equal(["type", "error", "request_id"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal($$"""{"type":"{{type}}","message":"model 'x' not found"}""", body.GetProperty("error").GetRawText());
        Assert.Matches("^req_[0-9a-f]{24}$", body.GetProperty("request_id").GetString()!);
    }

    [Theory]
    [InlineData(MeteredEndpoint.OpenAiResponses)]
    [InlineData(MeteredEndpoint.AudioTranscriptions)]
    public async Task ResponsesAndTranscriptions_OpenAiEnvelope(MeteredEndpoint endpoint) =>
        Assert.Equal(
            """{"error":{"message":"model 'x' not found","type":"not_found_error","param":null,"code":null}}""",
            (await WriteAsync(404, endpoint)).Body.GetRawText());

    [Theory]
    [InlineData(MeteredEndpoint.None, "nothere", "model 'nothere:latest' not found")]
    [InlineData(MeteredEndpoint.AnthropicMessages, "nothere", "model 'nothere' not found")]
    [InlineData(MeteredEndpoint.Embed, "nothere", "model \"nothere\" not found, try pulling it first")]
    public void ModelNotFound_AsTheHandlerBehindTheRouteWordsIt(MeteredEndpoint endpoint, string model, string expected) =>
        Assert.Equal(expected, OllamaErrors.ModelNotFound(endpoint, model));
}
