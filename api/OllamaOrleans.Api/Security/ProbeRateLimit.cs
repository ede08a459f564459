using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Security;

/// <summary>
/// <c>/probe</c>'s own limit, per source address (an IPv6 client per /64, what one host usually
/// holds): a token bucket of <c>Api:ProbeRateLimitPerSecond</c> requests a second that holds ten
/// seconds' worth. The default, 50, serves a Prometheus scraping 500 targets every 10 s with room to
/// spare, and keeps a client from making the silo resolve and connect in a tight loop.
/// </summary>
public sealed class ProbeRateLimit(IOptions<ApiOptions> api) : IRateLimiterPolicy<string>
{
    public const string Policy = "probe";

    /// <summary>How many seconds' worth of requests the bucket holds.</summary>
    public const int BurstSeconds = 10;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetTokenBucketLimiter(Source(httpContext.Connection.RemoteIpAddress), _ => Bucket(api.Value.ProbeRateLimitPerSecond, autoReplenish: true));

    /// <summary>The bucket for <paramref name="perSecond"/> requests a second.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perSecond, bool autoReplenish) => new()
    {
        TokenLimit = perSecond * BurstSeconds,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = autoReplenish,
    };

    /// <summary>The partition of a source address: an IPv4 address, or an IPv6 address's /64.</summary>
    public static string Source(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var perSecond = api.Value.ProbeRateLimitPerSecond;
        rejected.HttpContext.Response.Headers.RetryAfter = "1";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: string.Create(CultureInfo.InvariantCulture, $"More than {perSecond} /probe requests a second from {Source(rejected.HttpContext.Connection.RemoteIpAddress)} (Api:ProbeRateLimitPerSecond, bursts of {perSecond * BurstSeconds}); retry after 1 s.")).ExecuteAsync(rejected.HttpContext);
    }
}
