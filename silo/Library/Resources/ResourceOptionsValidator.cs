using Microsoft.Extensions.Options;

namespace OllamaOrleans.Silo.Resources;

/// <summary>Checks <see cref="ResourceOptions"/> at start-up; each failure names the setting and the value.</summary>
internal sealed class ResourceOptionsValidator : IValidateOptions<ResourceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResourceOptions options)
    {
        var errors = new List<string>();
        if (options.BusyInterval < TimeSpan.FromMilliseconds(100) || options.BusyInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"Resources:BusyInterval: '{options.BusyInterval}' must be from 00:00:00.1 to 00:01:00.");
        }

        if (options.IdleInterval < options.BusyInterval || options.IdleInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Resources:IdleInterval: '{options.IdleInterval}' must be at least Resources:BusyInterval ({options.BusyInterval}) and at most 00:10:00.");
        }

        if (options.Gpu is not ("auto" or "off"))
        {
            errors.Add($"Resources:Gpu: '{options.Gpu}' must be auto or off.");
        }

        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in options.Processes)
        {
            if (string.IsNullOrWhiteSpace(p.Host))
            {
                errors.Add($"{p.Setting}:Host: name the configured host this entry is for.");
            }
            else if (!hosts.Add(p.Host))
            {
                errors.Add($"{p.Setting}:Host: '{p.Host}' has more than one entry.");
            }

            if (string.IsNullOrWhiteSpace(p.PidFile) == string.IsNullOrWhiteSpace(p.Cgroup))
            {
                errors.Add($"{p.Setting}: give exactly one of PidFile and Cgroup.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
