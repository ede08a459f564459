using Microsoft.Extensions.Options;

namespace OllamaOrleans.Silo.Resources;

/// <summary>After the binder has read the <c>Resources</c> section: names each process entry's setting for the validator's messages.</summary>
internal sealed class ResourceOptionsSetup(IConfiguration configuration) : IConfigureOptions<ResourceOptions>
{
    public void Configure(ResourceOptions options)
    {
        foreach (var (entry, process) in configuration.GetSection($"{ResourceOptions.Section}:{nameof(ResourceOptions.Processes)}").GetChildren().Zip(options.Processes))
        {
            process.Setting = entry.Path;
        }
    }
}
