using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Api.Security;

/// <summary><c>/probe</c> is limited per source address, far above what a Prometheus scraping hundreds of targets asks.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class ProbeRateLimitTests(ClusterFixture fixture)
{
    [Fact]
    public void Bucket_HoldsTenSecondsWorth_AndRefillsPerSecond()
    {
        var bucket = ProbeRateLimit.Bucket(7, autoReplenish: true);

        Assert.Equal((70, 7, TimeSpan.FromSeconds(1), 0, true), (bucket.TokenLimit, bucket.TokensPerPeriod, bucket.ReplenishmentPeriod, bucket.QueueLimit, bucket.AutoReplenishment));
    }

    [Fact]
    public async Task TheDefault_LetsAPrometheusScrape500TargetsEvery10Seconds_AllAtOnce()
    {
        // The worst spread of a scrape interval: every target at its start. The bucket holds it, and refills within the interval.
        var bucket = ProbeRateLimit.Bucket(new ApiOptions().ProbeRateLimitPerSecond, autoReplenish: false);
        using var limiter = new TokenBucketRateLimiter(bucket);

        var granted = 0;
        for (var i = 0; i < 500; i++)
        {
            using var lease = await limiter.AcquireAsync();
            granted += lease.IsAcquired ? 1 : 0;
        }

        Assert.Equal(500, granted);
        Assert.True(bucket.TokensPerPeriod * 10 >= 500);
    }

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void Source_IsTheAddress_OrAnIPv6Slash64(string address, string expected) =>
        Assert.Equal(expected, ProbeRateLimit.Source(IPAddress.Parse(address)));

    [Fact]
    public async Task BeyondTheBurst_429WithRetryAfter_WhileTheApiStillAnswers()
    {
        await using var api = await fixture.StartApiAsync(s => s.Configure<ApiOptions>(o => o.ProbeRateLimitPerSecond = 1));

        // The bucket holds 10; at most a few more come back while this loop runs (one a second).
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        while (limited is null && statuses.Count < 30)
        {
            var response = await api.Anonymous.GetAsync("probe?target=");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.InRange(statuses.Count, 11, 30);
        Assert.All(statuses[..10], s => Assert.Equal(HttpStatusCode.BadRequest, s));
        var problem = await ProblemAssert.IsAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("More than 1 /probe requests a second from 127.0.0.1 (Api:ProbeRateLimitPerSecond, bursts of 10); retry after 1 s.", problem.Detail());
        Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("api/v1/hosts")).StatusCode);
        limited.Dispose();
    }
}
