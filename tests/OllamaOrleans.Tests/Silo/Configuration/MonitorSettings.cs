using OllamaOrleans.Silo.Configuration;
using OllamaOrleans.Silo.Hosting;
using OllamaOrleans.Tests.Support;

namespace OllamaOrleans.Tests.Silo.Configuration;

/// <summary>Reads settings into <see cref="MonitorOptions"/> and validates them, as the silo does at start.</summary>
public static class MonitorSettings
{
    public static (MonitorOptions Options, IReadOnlyList<string> Errors) Load(params (string Key, string Value)[] settings) =>
        SettingsHarness.Load<MonitorOptions>(s => s.AddMonitorSettings(), settings);
}
