using System.Net;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.Security;

/// <summary>Secure by default: with no key configured, reads are open and every change is a 401 that says how to configure a key.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class NoKeysConfiguredTests(ClusterFixture fixture) : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await fixture.StartApiAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Reads_AreOpen()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("api/v1/hosts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("api/v1/fleet")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Changes_Are401_SayingHowToConfigureAKey()
    {
        var before = await fixture.HostsAsync();

        var post = await ProblemAssert.IsAsync(await api.Anonymous.PostJsonAsync("api/v1/hosts", """{"url":"http://10.30.0.1:11434"}"""), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await api.Anonymous.PutJsonAsync("api/v1/hosts/x", """{"url":"http://10.30.0.1:11434"}"""), HttpStatusCode.Unauthorized);
        var delete = await ProblemAssert.IsAsync(await api.Anonymous.DeleteAsync("api/v1/hosts/x"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsAsync(await api.With("some-key").DeleteAsync("api/v1/hosts/x"), HttpStatusCode.Unauthorized);

        foreach (var detail in new[] { post.Detail(), delete.Detail() })
        {
            Assert.StartsWith("No API key is configured, and this needs one", detail);
            Assert.Contains("--new-key", detail);
            Assert.Contains("Auth:Keys:0:Hash", detail);
            Assert.Contains("Auth:Keys:0:Role=admin", detail);
        }

        Assert.Equal(before, await fixture.HostsAsync(), RegistrationComparer.Instance);
    }

    [Fact]
    public async Task Challenge_OffersBearerAndBasic()
    {
        using var response = await api.Anonymous.DeleteAsync("api/v1/hosts/x");

        Assert.Equal("Bearer, Basic realm=\"OllamaOrleans\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
    }
}
