using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class FleetRoutesTests
{
    [Theory]
    [InlineData("POST", "/api/show", true)]
    [InlineData("POST", "/api/show/", true)]
    [InlineData("GET", "/api/show", false)]
    [InlineData("POST", "/api/chat", false)]
    public void ModelInBody_OnlyShow(string method, string path, bool expected) =>
        Assert.Equal(expected, FleetRoutes.ModelInBody(method, path));

    [Theory]
    [InlineData("GET", "/v1/models/llama3.2:latest", "llama3.2:latest")]
    [InlineData("HEAD", "/v1/models/qwen3", "qwen3")]
    [InlineData("GET", "/v1/models/", null)]
    [InlineData("GET", "/v1/models", null)]
    [InlineData("GET", "/v1/models/library/llama3.2", null)]
    [InlineData("POST", "/v1/models/llama3.2", null)]
    public void ModelInPath_OneSegmentAfterV1Models(string method, string path, string? expected) =>
        Assert.Equal(expected, FleetRoutes.ModelInPath(method, path));

    [Theory]
    [InlineData("/api/pull")]
    [InlineData("/api/push")]
    [InlineData("/api/create")]
    [InlineData("/api/copy/")]
    [InlineData("/api/delete")]
    [InlineData("/api/blobs/sha256:abc")]
    public void HostOnlyMessage_StoreChanges_PointAtTheHostPrefix(string path)
    {
        var trimmed = path.TrimEnd('/');

        Assert.Equal($"{trimmed} changes the models of one host, so /fleet cannot route it: address one host with /h/{{host}}{trimmed}", FleetRoutes.HostOnlyMessage(path));
    }

    [Theory]
    [InlineData("/api/show")]
    [InlineData("/api/chat")]
    [InlineData("/api/tags")]
    public void HostOnlyMessage_NullForEverythingElse(string path) =>
        Assert.Null(FleetRoutes.HostOnlyMessage(path));
}
