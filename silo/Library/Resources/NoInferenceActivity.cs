namespace OllamaOrleans.Silo.Resources;

/// <summary>Until something sees the traffic (the metering gateway), every host counts as idle.</summary>
public sealed class NoInferenceActivity : IInferenceActivity
{
    public static NoInferenceActivity Instance { get; } = new();

    public bool IsBusy(string hostName) => false;
}
