using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.Security;

/// <summary><c>Api:RateLimitPerMinute</c> counts per key: one key's burst does not limit another.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class RateLimitTests(ClusterFixture fixture)
{
    [Fact]
    public async Task BeyondTheLimit_429WithRetryAfter_PerKey()
    {
        await using var api = await fixture.StartApiAsync(s => s.Configure<ApiOptions>(o => o.RateLimitPerMinute = 3), ApiKeySpec.Admin, ApiKeySpec.Reader);
        using var reader = api.With(ApiKeySpec.Reader);
        using var admin = api.With(ApiKeySpec.Admin);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await reader.GetAsync("api/v1/hosts")).StatusCode);
        }

        using var limited = await reader.GetAsync("api/v1/fleet");
        var problem = await ProblemAssert.IsAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.StartsWith("More than 3 requests in a minute (Api:RateLimitPerMinute)", problem.Detail());
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/v1/hosts")).StatusCode);
    }
}
