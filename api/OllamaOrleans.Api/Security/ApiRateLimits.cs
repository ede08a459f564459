using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Security;

/// <summary>
/// The API's rate limit: <c>Api:RateLimitPerMinute</c> requests per fixed minute per key (the key's
/// name), or per client address for requests without one. Rejections answer 429 with Retry-After.
/// </summary>
public sealed class ApiRateLimits(IOptions<ApiOptions> api) : IConfigureOptions<RateLimiterOptions>
{
    public const string Policy = "api";

    public void Configure(RateLimiterOptions options)
    {
        var permits = api.Value.RateLimitPerMinute;
        options.AddPolicy(Policy, context =>
        {
            var partition = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name : "address:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        options.AddPolicy<string, ProbeRateLimit>(ProbeRateLimit.Policy);
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"More than {permits} requests in a minute (Api:RateLimitPerMinute); retry after {(int)Math.Ceiling(retry.TotalSeconds)} s.").ExecuteAsync(rejected.HttpContext);
        };
    }
}
