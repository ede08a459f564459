using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.Hosts;

/// <summary>Every rule of a host body: a 400 problem naming the field, and nothing registered.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class HostValidationApiTests(ClusterFixture fixture) : IAsyncLifetime
{
    private TestApi api = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        api = await fixture.StartApiAsync(s => s.Configure<ApiOptions>(o => o.MaxRequestBodyBytes = 4096), ApiKeySpec.Admin);
        admin = api.With(ApiKeySpec.Admin);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await api.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"name":"v1","url":"ftp://10.0.0.1/"}""", "url", "url: is not an absolute http:// or https:// URL")]
    [InlineData("""{"name":"v1","url":"http://user:secret@10.0.0.1/"}""", "url", "url: carries credentials")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/?a=b"}""", "url", "url: has a query or fragment")]
    [InlineData("""{"name":"v1"}""", "url", "url: is required")]
    [InlineData("""{"name":"v1","url":null}""", "url", "url: is required")]
    [InlineData("""{"name":"v1","url":"http://169.254.169.254/"}""", "url", "url: is refused: 169.254.169.254, a cloud metadata address")]
    [InlineData("""{"name":"v1","url":"http://[fd00:ec2::254]/"}""", "url", "url: is refused: fd00:ec2::254, a cloud metadata address")]
    [InlineData("""{"name":"v1","url":"http://metadata.google.internal/"}""", "url", "url: is refused: 'metadata.google.internal' is a cloud metadata service")]
    [InlineData("""{"name":"v1","url":"http://rebind.test:11434/"}""", "url", "url: is refused: 'rebind.test' resolves to 169.254.169.254")]
    [InlineData("""{"name":"v1","url":"http://169.254.3.4:11434/"}""", "url", "url: is refused: 169.254.3.4, a link-local address")]
    [InlineData("""{"name":"v1","url":"http://[fe80::1]:11434/"}""", "url", "url: is refused: fe80::1, a link-local address")]
    [InlineData("""{"name":"v1","url":"http://nowhere.test:11434/"}""", "url", "url: is refused: 'nowhere.test' does not resolve")]
    [InlineData("""{"name":"a/b","url":"http://10.0.0.1/"}""", "name", "name: may hold only letters")]
    [InlineData("""{"name":"a b","url":"http://10.0.0.1/"}""", "name", "name: may hold only letters")]
    [InlineData("""{"name":"gpü","url":"http://10.0.0.1/"}""", "name", "name: may hold only letters")]
    [InlineData("""{"name":"","url":"http://10.0.0.1/"}""", "name", "name: must be 1 to 128 characters long")]
    [InlineData("""{"name":7,"url":"http://10.0.0.1/"}""", "name", "name: must be a string, not a number")]
    [InlineData("""{"name":"v1","url":["http://10.0.0.1/"]}""", "url", "url: must be a string, not an array")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/","labels":"rack=1"}""", "labels", "labels: must be an object of string values, not a string")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/","labels":{"rack":1}}""", "labels.rack", "labels.rack: must be a string, not a number")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/","labels":{"ra-ck":"1"}}""", "labels.ra-ck", "labels.ra-ck: label key 'ra-ck' must be a Prometheus label name")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/","labels":{"host":"x"}}""", "labels.host", "labels.host: label key 'host' is reserved")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/","labels":{"rack":"a\nb"}}""", "labels.rack", "labels.rack: label 'rack' has a value with control characters")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/","labels":{"rack":"\ud800"}}""", "labels.rack", "labels.rack: is not valid Unicode (a lone surrogate escape)")]
    [InlineData("""{"name":"v1","url":"http://10.0.0.1/","lables":{}}""", "lables", "lables: is not a field of a host")]
    [InlineData("""{"name":"v1","name":"v2","url":"http://10.0.0.1/"}""", "name", "name: appears more than once")]
    [InlineData("""[{"name":"v1"}]""", "body", "body: must be a JSON object, not an array")]
    [InlineData("""null""", "body", "body: must be a JSON object, not null")]
    [InlineData("""{"name":"v1",""", "body", "body: is not valid JSON")]
    [InlineData("", "body", "body: is not valid JSON")]
    [InlineData("""{"name":"\ud800","url":"http://10.0.0.1/"}""", "name", "name: is not valid Unicode (a lone surrogate escape)")]
    public async Task InvalidBodies_Are400ProblemsNamingTheField(string json, string field, string detail)
    {
        var before = await fixture.HostsAsync();

        var problem = await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", json), HttpStatusCode.BadRequest, field);

        Assert.StartsWith(detail, problem.Detail());
        Assert.Equal(before, await fixture.HostsAsync(), RegistrationComparer.Instance);
    }

    [Fact]
    public async Task LabelCountKeyAndValueLengths_AreBounded()
    {
        var seventeen = string.Join(',', Enumerable.Range(0, 17).Select(i => $"\"k{i}\":\"v\""));
        var tooMany = await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", "{\"url\":\"http://10.0.0.1/\",\"labels\":{" + seventeen + "}}"), HttpStatusCode.BadRequest, "labels");
        await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", $$$"""{"url":"http://10.0.0.1/","labels":{"{{{new string('k', 65)}}}":"v"}}"""), HttpStatusCode.BadRequest, "labels." + new string('k', 64) + "…");
        await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", $$$"""{"url":"http://10.0.0.1/","labels":{"k":"{{{new string('v', 257)}}}"}}"""), HttpStatusCode.BadRequest, "labels.k");
        await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", $$"""{"name":"{{new string('n', 129)}}","url":"http://10.0.0.1/"}"""), HttpStatusCode.BadRequest, "name");

        Assert.Equal("labels: has 17 labels, at most 16 are allowed", tooMany.Detail());
    }

    [Fact]
    public async Task SeveralInvalidFields_AreAllListed()
    {
        var problem = await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", """{"name":"a b","url":"ftp://x","labels":{"1":"v"}}"""), HttpStatusCode.BadRequest, "url");

        Assert.Equal(["labels.1", "name", "url"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413()
    {
        var big = $$$"""{"url":"http://10.0.0.1/","labels":{"a":"{{{new string('v', 5000)}}}"}}""";

        var problem = await ProblemAssert.IsAsync(await admin.PostJsonAsync("api/v1/hosts", big), HttpStatusCode.RequestEntityTooLarge, "body");

        Assert.Equal("The body is larger than 4096 bytes (Api:MaxRequestBodyKilobytes).", problem.Detail());
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413_Too()
    {
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{"url":"http://10.0.0.1/","x":"{{new string('v', 9000)}}"}""")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/hosts") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await ProblemAssert.IsAsync(await admin.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task NonJsonContentType_Is415()
    {
        using var response = await admin.PostAsync("api/v1/hosts", new StringContent("url=http://10.0.0.1/", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, "body");
    }
}
