using System.Text;
using OllamaSimulator.Json;

namespace OllamaSimulator.Tests.Json;

public sealed class JsonBodyTests
{
    [Theory]
    [InlineData("{\"model\":1}", "json: cannot unmarshal number into Go struct field GenerateRequest.model of type string")]
    [InlineData("{\"stream\":\"yes\"}", "json: cannot unmarshal string into Go struct field GenerateRequest.stream of type bool")]
    [InlineData("{\"top_logprobs\":1.5}", "json: cannot unmarshal number 1.5 into Go struct field GenerateRequest.top_logprobs of type int")]
    [InlineData("{\"context\":\"x\"}", "json: cannot unmarshal string into Go struct field GenerateRequest.context of type []int")]
    [InlineData("{\"context\":[1,\"x\"]}", "json: cannot unmarshal string into Go struct field GenerateRequest.context of type int")]
    [InlineData("{\"options\":[]}", "json: cannot unmarshal array into Go struct field GenerateRequest.options of type map[string]interface {}")]
    [InlineData("[]", "json: cannot unmarshal array into Go value of type api.GenerateRequest")]
    [InlineData("{\"keep_alive\":true}", "Unsupported type: 'bool'")]
    [InlineData("{\"model\":1,\"keep_alive\":\"300\"}", "time: missing unit in duration \"300\"")]
    [InlineData("{\"think\":\"x\"}", "invalid think value: \"x\" (must be \"high\", \"medium\", \"low\", \"max\", true, or false)")]
    [InlineData("{\"think\":1}", "think must be a boolean or string")]
    [InlineData("{\"MODEL\":2}", "json: cannot unmarshal number into Go struct field GenerateRequest.model of type string")]
    public void TryParse_GenerateRequest_ReportsGoErrors(string body, string expected)
    {
        Assert.Null(JsonBody.TryParse(Encoding.UTF8.GetBytes(body), RequestSchemas.Generate, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_NestedStructField_NamesTheInnermostStruct()
    {
        Assert.Null(JsonBody.TryParse(Encoding.UTF8.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":5}]}"), RequestSchemas.Chat, out var error));
        Assert.Equal("json: cannot unmarshal number into Go struct field Message.messages.content of type string", error);
    }

    [Fact]
    public void TryParse_FirstTypeErrorWins()
    {
        Assert.Null(JsonBody.TryParse(Encoding.UTF8.GetBytes("{\"prompt\":1,\"model\":2}"), RequestSchemas.Generate, out var error));
        Assert.Equal("json: cannot unmarshal number into Go struct field GenerateRequest.prompt of type string", error);
    }

    [Fact]
    public void Get_MatchesFieldNamesCaseInsensitively_NullMeansAbsent()
    {
        var body = JsonBody.TryParse(Encoding.UTF8.GetBytes("{\"Model\":\"llama3.2\",\"prompt\":null,\"unknown\":[1]}"), RequestSchemas.Generate, out var error);
        Assert.Null(error);
        Assert.Equal("llama3.2", body!.GetString("model"));
        Assert.False(body.Has("prompt"));
        Assert.Equal("", body.GetString("prompt"));
    }
}
