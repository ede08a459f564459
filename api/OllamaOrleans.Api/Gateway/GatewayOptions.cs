using System.ComponentModel.DataAnnotations;

namespace OllamaOrleans.Api.Gateway;

/// <summary>The metering gateway (<c>Gateway:*</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public bool Enabled { get; set; } = true;

    /// <summary>Longest silence from an upstream (no headers, no body bytes) before the gateway answers 504.</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest inference request body read (images are base64 in the body).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Every request needs an API key (either role); the key's name then names the client in
    /// per-client usage, and the key is not forwarded to Ollama.
    /// </summary>
    public bool RequireKey { get; set; }

    /// <summary>Request header naming the client for per-client usage (empty: not used).</summary>
    public string? ClientHeader { get; set; }

    /// <summary>Distinct clients tracked; more are counted as "other".</summary>
    [Range(1, 100_000)]
    public int MaxClients { get; set; } = 100;

    /// <summary>Measured requests waiting for the model grains; beyond it records are dropped and counted.</summary>
    [Range(100, 10_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How often queued records go to the model grains.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra ports bound to one host each, for clients that cannot take a path prefix.</summary>
    // The binder checks a listener's port range as it reads it; an unset port (0) is the validator's to name.
#pragma warning disable SYSLIB1213
    public List<GatewayListener> Listeners { get; set; } = [];
#pragma warning restore SYSLIB1213
}
