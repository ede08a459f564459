using System.Text.Json;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.OpenApi;

/// <summary>The document at /openapi/v1.json describes the management API, host bodies and their problems included.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class OpenApiDocumentTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Document_DescribesHostsFleetModelsAndProbe()
    {
        await using var api = await fixture.StartApiAsync();
        using var document = JsonDocument.Parse(await api.Anonymous.GetStringAsync("openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/hosts", "/api/v1/hosts/{name}", "/api/v1/fleet", "/probe" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        foreach (var (path, method) in new[] { ("/api/v1/hosts", "post"), ("/api/v1/hosts/{name}", "put") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), $"{method} {path}");
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "413", "415" })
            {
                Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path} {status}");
            }
        }
    }
}
