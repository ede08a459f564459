using OllamaOrleans.Silo.Resources;

namespace OllamaOrleans.Tests.Support;

/// <summary>What the metering gateway will say about a host: busy or not, switched by the test.</summary>
public sealed class SwitchableActivity : IInferenceActivity
{
    public HashSet<string> Busy { get; } = new(StringComparer.Ordinal);

    public bool IsBusy(string hostName) => Busy.Contains(hostName);
}
