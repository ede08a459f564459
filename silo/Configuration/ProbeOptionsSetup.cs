using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Grains.Probes;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>
/// Reads <c>Monitor:Probes</c> (so <c>Monitor__Probes__Interval=00:00:03</c> works) into
/// <see cref="ProbeOptions"/>; values that do not parse become errors naming their setting.
/// </summary>
internal sealed class ProbeOptionsSetup(IConfiguration configuration) : IConfigureOptions<ProbeOptions>
{
    private const string Section = ProbeOptions.Section;

    public void Configure(ProbeOptions options)
    {
        var read = new SettingReader(configuration, options.ConfigurationErrors);
        options.Mode = read.Enum<ProbeMode>($"{Section}:Mode") ?? options.Mode;
        options.Interval = read.Duration($"{Section}:Interval") ?? options.Interval;
        options.Timeout = read.Duration($"{Section}:Timeout") ?? options.Timeout;
        options.Prompt = read.String($"{Section}:Prompt") ?? options.Prompt;
        options.PredictedTokens = read.Integer($"{Section}:PredictedTokens", 1, 4096) ?? options.PredictedTokens;
        foreach (var model in configuration.GetSection($"{Section}:Models").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(model.Value))
            {
                options.Models.Add(model.Value.Trim());
            }
        }

        foreach (var entry in configuration.GetSection($"{Section}:Overrides").GetChildren())
        {
            options.Overrides.Add(new ProbeOverride
            {
                Host = read.String($"{entry.Path}:Host"),
                Model = read.String($"{entry.Path}:Model"),
                Mode = read.Enum<ProbeMode>($"{entry.Path}:Mode"),
                Interval = read.Duration($"{entry.Path}:Interval"),
                Prompt = read.String($"{entry.Path}:Prompt"),
                PredictedTokens = read.Integer($"{entry.Path}:PredictedTokens", 1, 4096),
            });
        }
    }
}
