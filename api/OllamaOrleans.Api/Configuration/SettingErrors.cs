using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// The settings of <typeparamref name="TOptions"/> that could not be read, each naming its setting and
/// showing the value; the first validator of <typeparamref name="TOptions"/>, so they are reported first.
/// </summary>
public sealed class SettingErrors<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly List<string> messages = [];

    public void Add(string message) => messages.Add(message);

    /// <summary>Reading the options again must not report the same errors twice.</summary>
    public void Clear() => messages.Clear();

    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(messages);

    /// <summary>For settings read before the host is built: stops the start with every message.</summary>
    public void ThrowIfAny()
    {
        if (messages.Count > 0)
        {
            throw new InvalidSettingsException([.. messages]);
        }
    }
}
