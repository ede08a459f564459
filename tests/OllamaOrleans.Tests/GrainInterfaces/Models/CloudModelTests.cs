using OllamaOrleans.GrainInterfaces.Models;
using static OllamaOrleans.Tests.Support.Models;

namespace OllamaOrleans.Tests.GrainInterfaces.Models;

public sealed class CloudModelTests
{
    [Theory]
    [InlineData("gpt-oss:120b-cloud", true)]
    [InlineData("deepseek-v3.1:671b-cloud", true)]
    [InlineData("kimi-k2:cloud", true)]
    [InlineData("llama3.2:latest", false)]
    [InlineData("cloud", false)]
    [InlineData("user/cloud-model:7b", false)]
    public void Is_WithoutARemoteHost_GoesByTheTag(string name, bool cloud) =>
        Assert.Equal(cloud, CloudModel.Is(name, Available()));

    [Fact]
    public void Is_ListedWithARemoteHost_IsCloudWhateverItsName() =>
        Assert.True(CloudModel.Is("team-gpt:latest", Available() with { RemoteHost = "https://ollama.com:443", RemoteModel = "gpt-oss:120b" }));

    [Fact]
    public void Is_NotListed_GoesByTheTag()
    {
        Assert.True(CloudModel.Is("qwen3-coder:480b-cloud", null));
        Assert.False(CloudModel.Is("qwen3-coder:480b", null));
    }

    [Fact]
    public void Snapshot_IsCloud_AsCloudModelSays() =>
        Assert.Equal((true, false), (Snapshot("gpt-oss:120b-cloud").IsCloud, Snapshot("llama3.2:latest", Available()).IsCloud));
}
