using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class UsageMemberTests
{
    private static string? Remove(string json) => UsageMember.Remove(Encoding.UTF8.GetBytes(json)) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    [Theory]
    [InlineData("""{"id":"c","choices":[{"text":"a"}],"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}""", """{"id":"c","choices":[{"text":"a"}]}""")]
    [InlineData("""{"usage":{"prompt_tokens":1},"id":"c"}""", """{"id":"c"}""")]
    [InlineData("""{"id":"c", "usage": null , "model":"m"}""", """{"id":"c" , "model":"m"}""")]
    [InlineData("""{"usage":{}}""", "{}")]
    public void Remove_CutsOnlyTheTopLevelMember(string json, string expected) => Assert.Equal(expected, Remove(json));

    [Theory]
    [InlineData("""{"choices":[{"usage":{"a":1}}],"x":{"usage":2}}""")]
    [InlineData("""{"id":"c"}""")]
    [InlineData("""{"id":""")]
    [InlineData("[DONE]")]
    public void Remove_WithoutATopLevelUsage_IsNull(string json) => Assert.Null(Remove(json));
}
