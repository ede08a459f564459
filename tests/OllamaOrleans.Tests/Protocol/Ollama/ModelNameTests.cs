using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Tests.Protocol.Ollama;

public sealed class ModelNameTests
{
    [Theory]
    [InlineData("llama3.2", "llama3.2:latest")]
    [InlineData("llama3.2:latest", "llama3.2:latest")]
    [InlineData(" qwen2.5:7b ", "qwen2.5:7b")]
    [InlineData("user/model", "user/model:latest")]
    [InlineData("registry.local:5000/ns/model", "registry.local:5000/ns/model:latest")]
    [InlineData("registry.local:5000/ns/model:q4", "registry.local:5000/ns/model:q4")]
    [InlineData("hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q5_K_M", "hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q5_K_M")]
    public void Normalize_AddsLatestOnlyWhenTheLastSegmentHasNoTag(string name, string expected) =>
        Assert.Equal(expected, ModelName.Normalize(name));

    [Fact]
    public void Canonical_IgnoresCaseAndMissingTag() =>
        Assert.Equal(ModelName.Canonical("Llama3.2"), ModelName.Canonical("llama3.2:LATEST"));

    [Theory]
    [InlineData("gpt-oss:120b-cloud", true)]
    [InlineData("x:cloud", true)]
    [InlineData("x:CLOUD", true)]
    [InlineData("cloud", false)]
    [InlineData("cloudy/model:7b", false)]
    [InlineData("llama3.2", false)]
    [InlineData("registry.cloud:5000/m", false)]
    public void IsCloud_LooksOnlyAtTheTag(string name, bool expected) =>
        Assert.Equal(expected, ModelName.IsCloud(name));
}
