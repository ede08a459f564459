using OllamaSimulator.Models;

namespace OllamaSimulator.Tests.Json;

public sealed class ModelNameTests
{
    [Theory]
    [InlineData("llama3.2", "llama3.2:latest", "registry.ollama.ai/library/llama3.2:latest")]
    [InlineData("LLAMA3.2:Latest", "LLAMA3.2:Latest", "registry.ollama.ai/library/LLAMA3.2:Latest")]
    [InlineData("user/model:tag", "user/model:tag", "registry.ollama.ai/user/model:tag")]
    [InlineData("example.com:5000/ns/model:v1", "example.com:5000/ns/model:v1", "example.com:5000/ns/model:v1")]
    [InlineData("qwen2.5:7b@sha256-abc", "qwen2.5:7b", "registry.ollama.ai/library/qwen2.5:7b")]
    public void Parse_FillsDefaults_DisplaysShortest(string text, string display, string full)
    {
        var name = ModelName.Parse(text);
        Assert.True(name.IsValid);
        Assert.Equal(display, name.DisplayShortest);
        Assert.Equal(full, name.FullName);
    }

    [Fact]
    public void Key_IgnoresCaseAndDefaults() =>
        Assert.Equal(ModelName.Parse("registry.ollama.ai/library/Llama3.2:latest").Key, ModelName.Parse("llama3.2").Key);

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("-leading")]
    [InlineData("a/b.c/model")]
    public void IsValid_RejectsWhatOllamaRejects(string text) => Assert.False(ModelName.Parse(text).IsValid);

    [Theory]
    [InlineData("gpt-oss:120b-cloud", true)]
    [InlineData("x:cloud", true)]
    [InlineData("llama3.2", false)]
    [InlineData("cloudy:latest", false)]
    public void IsCloud_ByTag(string text, bool cloud) => Assert.Equal(cloud, ModelName.Parse(text).IsCloud);
}
