using OllamaSimulator.Tests.Support;

namespace OllamaSimulator.Tests.Api;

public sealed class RootAndRoutingTests
{
    [Fact]
    public async Task Root_SaysOllamaIsRunning_AsPlainText()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.GetReplyAsync("/");

        Assert.Equal(200, reply.Status);
        Assert.Equal("text/plain; charset=utf-8", reply.ContentType);
        Assert.Equal("Ollama is running", reply.Body);
    }

    [Fact]
    public async Task Version_IsConfigurable()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(version: "0.33.0-rc2"));
        using var client = sim.Hosts[0].Client();
        var reply = await client.GetReplyAsync("/api/version");

        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
        Assert.Equal("{\"version\":\"0.33.0-rc2\"}", reply.Body);
    }

    [Fact]
    public async Task Version_BeforeItExisted_Is404PageNotFound()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(version: "0.1.13"));
        using var client = sim.Hosts[0].Client();
        var reply = await client.GetReplyAsync("/api/version");

        Assert.Equal(404, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal("404 page not found", reply.Body);
    }

    [Fact]
    public async Task HeadVersionAndTags_Answer200()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        foreach (var path in new[] { "/", "/api/version", "/api/tags" })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task Status_ReportsCloudNotDisabled()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        Assert.Equal("{\"cloud\":{\"disabled\":false,\"source\":\"none\"}}", (await client.GetReplyAsync("/api/status")).Body);
    }

    [Theory]
    [InlineData("/api/nothing")]
    [InlineData("/metrics")]
    [InlineData("/health")]
    public async Task UnknownRoute_Is404PlainText(string path)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.Hosts[0].Client();
        var reply = await client.GetReplyAsync(path);

        Assert.Equal(404, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal("404 page not found", reply.Body);
    }

    [Theory]
    [InlineData("GET", "/api/generate")]
    [InlineData("POST", "/api/tags")]
    [InlineData("DELETE", "/api/ps")]
    [InlineData("HEAD", "/api/ps")]
    public async Task WrongMethod_Is405PlainText(string method, string path)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        var response = await raw.ReadResponseAsync(head: method == "HEAD");

        Assert.Equal(405, response.Status);
        Assert.Equal("text/plain", response.Header("Content-Type"));
        if (method != "HEAD")
        {
            Assert.Equal("405 method not allowed", response.Text);
        }
    }

    [Fact]
    public async Task WrongMethod_BeforeOllama070_Is404()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.With(version: "0.6.8"));
        using var client = sim.Hosts[0].Client();
        Assert.Equal(404, (await client.GetReplyAsync("/api/generate")).Status);
    }

    [Fact]
    public async Task TrailingSlash_RedirectsLikeGin()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("GET /api/tags/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var get = await raw.ReadResponseAsync();
        await raw.SendAsync("POST /api/generate/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        var post = await raw.ReadResponseAsync();

        Assert.Equal(301, get.Status);
        Assert.Equal("/api/tags", get.Header("Location"));
        Assert.Equal("<a href=\"/api/tags\">Moved Permanently</a>.\n\n", get.Text);
        Assert.Equal(307, post.Status);
        Assert.Equal("/api/generate", post.Header("Location"));
    }

    [Theory]
    [InlineData("evil.example.com")]
    [InlineData("8.8.8.8:11434")]
    public async Task DisallowedHostHeader_Is403WithEmptyBody(string hostHeader)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync($"GET /api/tags HTTP/1.1\r\nHost: {hostHeader}\r\n\r\n");
        var response = await raw.ReadResponseAsync();

        Assert.Equal(403, response.Status);
        Assert.Empty(response.Body);
        Assert.Equal("0", response.Header("Content-Length"));
    }

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("192.168.1.20")]
    [InlineData("my-box.local")]
    [InlineData("[::1]:11434")]
    public async Task AllowedHostHeader_IsServed(string hostHeader)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync($"GET / HTTP/1.1\r\nHost: {hostHeader}\r\n\r\n");
        Assert.Equal(200, (await raw.ReadResponseAsync()).Status);
    }

    [Fact]
    public async Task Origin_NotAllowed_Is403_Allowed_IsEchoed()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example.com\r\n\r\n");
        var rejected = await raw.ReadResponseAsync();
        await raw.SendAsync("GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://localhost:3000\r\n\r\n");
        var allowed = await raw.ReadResponseAsync();

        Assert.Equal(403, rejected.Status);
        Assert.Empty(rejected.Body);
        Assert.Equal(200, allowed.Status);
        Assert.Equal("http://localhost:3000", allowed.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_Is204WithoutBody()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var raw = await RawHttp.ConnectAsync(sim.Hosts[0].Port);
        await raw.SendAsync("OPTIONS /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: app://obsidian.md\r\nAccess-Control-Request-Method: POST\r\n\r\n");
        var response = await raw.ReadResponseAsync();

        Assert.Equal(204, response.Status);
        Assert.False(response.Has("Content-Length"));
        Assert.Equal("app://obsidian.md", response.Header("Access-Control-Allow-Origin"));
        Assert.Contains("POST", response.Header("Access-Control-Allow-Methods"), StringComparison.Ordinal);
    }
}
