using Microsoft.Extensions.Configuration;
using OllamaOrleans.Silo.Configuration;

namespace OllamaOrleans.Tests.Silo.Configuration;

/// <summary>Reads settings into <see cref="MonitorOptions"/> and validates them, as the silo does at start.</summary>
public static class MonitorSettings
{
    public static (MonitorOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new MonitorOptions();
        new MonitorOptionsSetup(configuration).Configure(options);
        var result = new MonitorOptionsValidator().Validate(null, options);
        return (options, result.Failed ? result.Failures.ToList() : []);
    }
}
