using System.Net;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// The <c>Security</c> section: the allow-list of the address guard. Empty (the default): every
/// address but link-local and cloud metadata ones. Each is a list (<c>Security:AllowedNetworks:0</c>)
/// or one comma-separated value (<c>Security__AllowedNetworks=10.0.0.0/8,127.0.0.0/8</c>).
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public List<IPNetwork> AllowedNetworks { get; } = [];

    public List<string> AllowedHosts { get; } = [];
}
