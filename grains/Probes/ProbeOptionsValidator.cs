using Microsoft.Extensions.Options;

namespace OllamaOrleans.Grains.Probes;

/// <summary>Checks <see cref="ProbeOptions"/> at start-up; each failure names the setting and the value.</summary>
public sealed class ProbeOptionsValidator : IValidateOptions<ProbeOptions>
{
    public ValidateOptionsResult Validate(string? name, ProbeOptions options)
    {
        var errors = new List<string>();
        if (options.Interval <= TimeSpan.Zero)
        {
            errors.Add($"{ProbeOptions.Section}:Interval: '{options.Interval}' must be greater than zero.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{ProbeOptions.Section}:Timeout: '{options.Timeout}' must be greater than zero and at most 00:10:00.");
        }

        for (var i = 0; i < options.Overrides.Count; i++)
        {
            if (options.Overrides[i].Interval is { } interval && interval <= TimeSpan.Zero)
            {
                errors.Add($"{ProbeOptions.Section}:Overrides:{i}:Interval: '{interval}' must be greater than zero.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
