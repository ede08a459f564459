using System.ComponentModel.DataAnnotations;

namespace OllamaOrleans.Api.Gateway;

/// <summary>A port on which the gateway forwards everything to one host, without a path prefix.</summary>
public sealed class GatewayListener
{
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; }
}
