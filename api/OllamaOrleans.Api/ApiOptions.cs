using System.ComponentModel.DataAnnotations;

namespace OllamaOrleans.Api;

/// <summary>The management API's limits (<c>Api:*</c>) and whether <c>/probe</c> may register hosts.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body the management API reads; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Requests per minute per key (per client address without a key) on <c>/api/v1</c>; more get 429.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>Requests a second per source address on <c>/probe</c> (bursts of ten seconds' worth); more get 429.</summary>
    [Range(1, 100_000)]
    public int ProbeRateLimitPerSecond { get; set; } = 50;

    /// <summary><c>Monitor:TransientHosts:Enabled</c>: whether <c>/probe</c> registers targets that are not registered.</summary>
    public bool TransientHostsEnabled { get; set; } = true;
}
