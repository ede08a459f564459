using System.Text;
using OllamaOrleans.Grains.Ollama;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Grains.Ollama;

public sealed class OllamaJsonTests
{
    [Fact]
    public void ParseTags_CurrentVersion_ReadsEveryField()
    {
        var tags = OllamaJson.ParseTags(Fixture.Bytes("tags-v0.32.json"));

        Assert.Equal(0, tags.Skipped);
        Assert.Equal(["llama3.2:latest", "hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q5_K_M", "nomic-embed-text:latest", "gpt-oss:120b-cloud"], tags.Items.Select(t => t.Name));
        var llama = tags.Items[0].Model;
        Assert.Equal(2019393189, llama.SizeBytes);
        Assert.Equal("a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72", llama.Digest);
        Assert.Equal(Rfc3339.Parse("2026-08-01T09:12:44.706015396-07:00"), llama.ModifiedAt);
        Assert.Equal("gguf", llama.Details.Format);
        Assert.Equal("llama", llama.Details.Family);
        Assert.Equal<string>(["llama"], llama.Details.Families);
        Assert.Equal("3.2B", llama.Details.ParameterSize);
        Assert.Equal("Q4_K_M", llama.Details.QuantizationLevel);
        Assert.Equal(131072, llama.Details.ContextLength);
        Assert.Equal(3072, llama.Details.EmbeddingLength);
        Assert.Equal<string>(["completion", "tools"], llama.Details.Capabilities);
    }

    [Fact]
    public void ParseTags_CloudModel_ReadsRemoteHostAndModel_LocalModelsHaveNone()
    {
        var tags = OllamaJson.ParseTags(Fixture.Bytes("tags-v0.32.json"));

        var cloud = tags.Items.Single(t => t.Name == "gpt-oss:120b-cloud").Model;
        Assert.Equal("https://ollama.com:443", cloud.RemoteHost);
        Assert.Equal("gpt-oss:120b", cloud.RemoteModel);
        Assert.Equal(384, cloud.SizeBytes);
        Assert.All(tags.Items.Where(t => t.Name != "gpt-oss:120b-cloud"), t => Assert.Equal((null, null), (t.Model.RemoteHost, t.Model.RemoteModel)));
    }

    [Fact]
    public void ParseTags_RemoteFieldsEmptyOrOfAnotherType_AreAbsent()
    {
        var tags = OllamaJson.ParseTags(Encoding.UTF8.GetBytes("""{"models":[{"name":"a:1","remote_host":"","remote_model":""},{"name":"b:1","remote_host":7,"remote_model":null}]}"""));

        Assert.All(tags.Items, t => Assert.Equal((null, null), (t.Model.RemoteHost, t.Model.RemoteModel)));
    }

    [Fact]
    public void ParseTags_NullFamiliesAndMissingOptionalFields_AreEmpty()
    {
        var qwen = OllamaJson.ParseTags(Fixture.Bytes("tags-v0.32.json")).Items[1].Model;

        Assert.Empty(qwen.Details.Families);
        Assert.Empty(qwen.Details.Capabilities);
        Assert.Equal(0, qwen.Details.ContextLength);
    }

    [Fact]
    public void ParseTags_OldServerWithNameOnly_UsesName()
    {
        var tags = OllamaJson.ParseTags(Fixture.Bytes("tags-v0.1.20.json"));

        var entry = Assert.Single(tags.Items);
        Assert.Equal("mistral:7b", entry.Name);
        Assert.Equal(4109865159, entry.Model.SizeBytes);
    }

    [Fact]
    public void ParsePs_CurrentVersion_ReadsRunnerFigures()
    {
        var ps = OllamaJson.ParsePs(Fixture.Bytes("ps-v0.32.json"));

        Assert.Equal(["nomic-embed-text:latest", "llama3.2:latest"], ps.Items.Select(p => p.Name));
        var embed = ps.Items[0].Model;
        Assert.Equal(849346560, embed.MemoryBytes);
        Assert.Equal(0, embed.VramBytes);
        Assert.Equal(2048, embed.ContextLength);
        Assert.Equal(2318, embed.ExpiresAt!.Value.Year);
        var llama = ps.Items[1];
        Assert.Equal(3390701568, llama.Model.VramBytes);
        Assert.Equal(4096, llama.Model.ContextLength);
        Assert.Equal("Q4_K_M", llama.Details.QuantizationLevel);
    }

    [Fact]
    public void ParsePs_v0_1_38_WithoutSizeVramOrContext_ReadsZero()
    {
        var entry = Assert.Single(OllamaJson.ParsePs(Fixture.Bytes("ps-v0.1.38.json")).Items);

        Assert.Equal("llama2:latest", entry.Name);
        Assert.Equal(5137025024, entry.Model.MemoryBytes);
        Assert.Equal(0, entry.Model.VramBytes);
        Assert.Equal(0, entry.Model.ContextLength);
        Assert.NotNull(entry.Model.ExpiresAt);
    }

    [Theory]
    [InlineData("{\"models\":[]}")]
    [InlineData("{\"models\":null}")]
    [InlineData("{}")]
    public void ParsePs_EmptyOrNullOrMissingList_IsEmpty(string body) =>
        Assert.Empty(OllamaJson.ParsePs(Encoding.UTF8.GetBytes(body)).Items);

    [Fact]
    public void ParseTags_EntriesWithoutNameOrWithWrongTypes_AreSkippedOrDefaulted()
    {
        const string body = """{"models":[{"size":1},{"name":"a","size":"big","details":[],"capabilities":"x"},7,{"model":"b:1","name":"ignored","size":12.7}]}""";

        var tags = OllamaJson.ParseTags(Encoding.UTF8.GetBytes(body));

        Assert.Equal(1, tags.Skipped);
        Assert.Equal(["a", "b:1"], tags.Items.Select(t => t.Name));
        Assert.Equal(0, tags.Items[0].Model.SizeBytes);
        Assert.Equal(12, tags.Items[1].Model.SizeBytes);
    }

    [Theory]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[1,2]", "JSON Array, not an object")]
    [InlineData("{\"models\":{}}", "\"models\" as a JSON Object")]
    [InlineData("{\"models\":[{\"name\":\"a\"}", "invalid JSON")]
    [InlineData("", "invalid JSON")]
    public void ParsePs_MalformedBodies_ThrowNamingTheEndpoint(string body, string expected)
    {
        var e = Assert.Throws<MalformedResponseException>(() => OllamaJson.ParsePs(Encoding.UTF8.GetBytes(body)));

        Assert.StartsWith("/api/ps answered", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseVersion_ReadsVersion() => Assert.Equal("0.32.15", OllamaJson.ParseVersion(Fixture.Bytes("version-v0.32.json")));

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"version\":3}")]
    [InlineData("{\"version\":\"\"}")]
    public void ParseVersion_WithoutVersionString_IsMalformed(string body) =>
        Assert.Throws<MalformedResponseException>(() => OllamaJson.ParseVersion(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void ParseTags_NamesWithQuotesBackslashesNewlinesAndUnicode_Survive()
    {
        const string body = """{"models":[{"name":"we\"ird\\na\nme:ü🦙","size":1}]}""";

        Assert.Equal("we\"ird\\na\nme:ü🦙", Assert.Single(OllamaJson.ParseTags(Encoding.UTF8.GetBytes(body)).Items).Name);
    }
}
