namespace OllamaOrleans.Api.Configuration;

/// <summary>Settings that must be right before the host can even be built; each message names its setting.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> errors)
    : Exception("Invalid configuration: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
