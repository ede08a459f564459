using System.Net;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.Hosts;

/// <summary>Create, read, replace and delete hosts over HTTP, with an admin key; what a read key and no key get.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class HostsApiTests(ClusterFixture fixture) : IAsyncLifetime
{
    private TestApi api = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        api = await fixture.StartApiAsync(ApiKeySpec.Admin, ApiKeySpec.Reader);
        admin = api.With(ApiKeySpec.Admin);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Create_Read_Relabel_Delete()
    {
        var name = TestHosts.UniqueName("crud");
        using var created = await admin.PostJsonAsync("api/v1/hosts", $$$"""{"name":"{{{name}}}","url":"http://10.20.0.1:11434","labels":{"rack":"r1","site":"Zürich"}}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/hosts/{name}", created.Headers.Location!.OriginalString);
        var body = await created.JsonAsync();
        Assert.Equal(("http://10.20.0.1:11434/", "api", "Zürich"), (body.GetProperty("url").GetString(), body.GetProperty("source").GetString(), body.GetProperty("labels").GetProperty("site").GetString()));

        using var read = await api.With(ApiKeySpec.Reader).GetAsync($"api/v1/hosts/{name}");
        Assert.Equal("r1", (await read.JsonAsync()).GetProperty("labels").GetProperty("rack").GetString());

        using var relabelled = await admin.PutJsonAsync($"api/v1/hosts/{name}", """{"url":"http://10.20.0.2:11434","labels":{"rack":"r2"}}""");
        var updated = await relabelled.JsonAsync();
        Assert.Equal(("http://10.20.0.2:11434/", "r2"), (updated.GetProperty("url").GetString(), updated.GetProperty("labels").GetProperty("rack").GetString()));
        var stored = (await fixture.HostsAsync()).Single(h => h.Name == name);
        Assert.Equal(("http://10.20.0.2:11434/", "r2", 1), (stored.Url, stored.Labels["rack"], stored.Labels.Count));

        using var deleted = await admin.DeleteAsync($"api/v1/hosts/{name}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(await fixture.HostsAsync(), h => h.Name == name);
        await ProblemAssert.IsAsync(await admin.GetAsync($"api/v1/hosts/{name}"), HttpStatusCode.NotFound, "name");
    }

    [Fact]
    public async Task Create_WithoutName_NamesTheHostHostnameColonPort()
    {
        using var created = await admin.PostJsonAsync("api/v1/hosts", """{"url":"http://ollama.test:31999/"}""");

        Assert.Equal("ollama.test:31999", (await created.JsonAsync()).GetProperty("name").GetString());
        await admin.DeleteAsync("api/v1/hosts/ollama.test:31999");
    }

    [Fact]
    public async Task List_ShowsEveryRegistrationWithItsSource()
    {
        var name = TestHosts.UniqueName("listed");
        await fixture.Fleet.SeedFromConfigurationAsync([TestHosts.Registration(name, new Uri("http://10.20.1.1:11434"), HostSource.Configuration)]);

        var hosts = await (await api.With(ApiKeySpec.Reader).GetAsync("api/v1/hosts")).JsonAsync();

        var listed = hosts.EnumerateArray().Single(h => h.GetProperty("name").GetString() == name);
        Assert.Equal("configuration", listed.GetProperty("source").GetString());
        Assert.False(listed.TryGetProperty("status", out _));
        await fixture.Fleet.SeedFromConfigurationAsync([]);
    }

    [Fact]
    public async Task ReadKey_CannotMutate_AndTheRegistryStaysAsItWas()
    {
        var name = TestHosts.UniqueName("kept");
        await admin.PostJsonAsync("api/v1/hosts", $$"""{"name":"{{name}}","url":"http://10.20.0.3:11434"}""");
        var before = await fixture.HostsAsync();
        using var reader = api.With(ApiKeySpec.Reader);

        var post = await ProblemAssert.IsAsync(await reader.PostJsonAsync("api/v1/hosts", """{"name":"nope","url":"http://10.20.0.4:11434"}"""), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await reader.PutJsonAsync($"api/v1/hosts/{name}", """{"url":"http://10.20.0.4:11434"}"""), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await reader.DeleteAsync($"api/v1/hosts/{name}"), HttpStatusCode.Forbidden);

        Assert.Equal("The key 'prom' has role 'read'; this needs a key with role 'admin'.", post.Detail());
        Assert.Equal(before, await fixture.HostsAsync(), RegistrationComparer.Instance);
        await admin.DeleteAsync($"api/v1/hosts/{name}");
    }

    [Fact]
    public async Task WithKeysConfigured_NoKeyOrAWrongKey_Is401_ForReadsAndChanges()
    {
        var noKey = await ProblemAssert.IsAsync(await api.Anonymous.GetAsync("api/v1/hosts"), HttpStatusCode.Unauthorized);
        var wrong = await ProblemAssert.IsAsync(await api.With("not-a-key").PostJsonAsync("api/v1/hosts", """{"url":"http://10.20.0.5:11434"}"""), HttpStatusCode.Unauthorized);

        Assert.Equal("This needs an API key: send it as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.", noKey.Detail());
        Assert.Equal("The API key presented is not one of the configured keys.", wrong.Detail());
    }

    [Fact]
    public async Task KeyInXApiKeyHeaderOrBasicPassword_IsAccepted()
    {
        using var header = new HttpClient { BaseAddress = api.BaseUri };
        header.DefaultRequestHeaders.Add("X-Api-Key", ApiKeySpec.Reader.Key);
        using var basic = new HttpClient { BaseAddress = api.BaseUri };
        basic.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("anyone:" + ApiKeySpec.Reader.Key)));

        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("api/v1/hosts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync("api/v1/hosts")).StatusCode);
    }

    [Fact]
    public async Task ConfiguredHosts_AreChangedOnlyByTheConfiguration()
    {
        var name = TestHosts.UniqueName("configured");
        await fixture.Fleet.SeedFromConfigurationAsync([TestHosts.Registration(name, new Uri("http://10.20.2.1:11434"), HostSource.Configuration)]);

        var put = await ProblemAssert.IsAsync(await admin.PutJsonAsync($"api/v1/hosts/{name}", """{"url":"http://10.20.2.2:11434"}"""), HttpStatusCode.Conflict, "name");
        await ProblemAssert.IsAsync(await admin.DeleteAsync($"api/v1/hosts/{name}"), HttpStatusCode.Conflict, "name");

        Assert.Contains("comes from configuration (Monitor:Hosts or OLLAMA_URL)", put.Detail());
        Assert.Equal("http://10.20.2.1:11434/", (await fixture.HostsAsync()).Single(h => h.Name == name).Url);
        await fixture.Fleet.SeedFromConfigurationAsync([]);
    }

    [Fact]
    public async Task Conflicts_And_Unknowns()
    {
        var name = TestHosts.UniqueName("taken");
        await admin.PostJsonAsync("api/v1/hosts", $$"""{"name":"{{name}}","url":"http://10.20.3.1:11434"}""");

        var taken = await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", $$"""{"name":"{{name}}","url":"http://10.20.3.2:11434"}"""), HttpStatusCode.Conflict, "name");
        await ProblemAssert.IsAsync(await admin.PutJsonAsync("api/v1/hosts/never-registered", """{"url":"http://10.20.3.2:11434"}"""), HttpStatusCode.NotFound, "name");
        await ProblemAssert.IsAsync(await admin.DeleteAsync("api/v1/hosts/never-registered"), HttpStatusCode.NotFound, "name");
        var renamed = await ProblemAssert.IsAsync(await admin.PutJsonAsync($"api/v1/hosts/{name}", """{"name":"other","url":"http://10.20.3.2:11434"}"""), HttpStatusCode.BadRequest, "name");

        Assert.Equal($"A host named '{name}' is registered already (http://10.20.3.1:11434/).", taken.Detail());
        Assert.Equal("name: differs from the name in the path; a host is renamed by deleting it and creating it anew", renamed.Detail());
        await admin.DeleteAsync($"api/v1/hosts/{name}");
    }

    [Fact]
    public async Task MaxHosts_RefusesTheNextHost_WithoutChangingTheRegistry()
    {
        var limits = fixture.Limits;
        var saved = limits.MaxHosts;
        var name = TestHosts.UniqueName("one-too-many");
        try
        {
            limits.MaxHosts = (await fixture.HostsAsync()).Count;
            var before = await fixture.HostsAsync();

            var problem = await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", $$"""{"name":"{{name}}","url":"http://10.20.4.1:11434"}"""), HttpStatusCode.Conflict, "name");

            Assert.StartsWith("The registry holds as many hosts as Monitor:MaxHosts", problem.Detail());
            Assert.Equal(before, await fixture.HostsAsync(), RegistrationComparer.Instance);
        }
        finally
        {
            limits.MaxHosts = saved;
        }
    }
}
