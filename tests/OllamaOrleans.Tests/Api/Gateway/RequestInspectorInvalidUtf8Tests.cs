using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

/// <summary>A body with invalid UTF-8 (found by the gateway fuzz test) is forwarded untouched, without a model, not a 500.</summary>
public sealed class RequestInspectorInvalidUtf8Tests
{
    [Theory]
    [InlineData("{\"mod\u00ff\":\"llama3.2\"}")]
    [InlineData("{\"model\":\"llama3.2\",\"\u00ff\u00fe\":1}")]
    public void InvalidUtf8InAName_IsNotJson(string latin1)
    {
        var body = Encoding.Latin1.GetBytes(latin1);

        var facts = RequestInspector.Inspect(MeteredEndpoint.Chat, body);

        Assert.Null(facts.Model);
        Assert.Equal(body, facts.Body.ToArray());
    }
}
