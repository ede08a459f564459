using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OllamaOrleans.Api.Configuration;

/// <summary>Reads typed values from configuration, recording an error that names the setting instead of throwing.</summary>
public sealed class SettingReader(IConfiguration configuration, List<string> errors)
{
    public string? String(string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public TimeSpan? Duration(string key)
    {
        var raw = String(key);
        if (raw is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{key}: '{raw}' is not a duration; write it as hh:mm:ss, for example 00:00:30.");
        return null;
    }

    public TimeSpan? Seconds(string key)
    {
        var raw = String(key);
        if (raw is null)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        errors.Add($"{key}: '{raw}' must be a whole number of seconds greater than 0.");
        return null;
    }

    public TEnum? Enum<TEnum>(string key)
        where TEnum : struct, System.Enum
    {
        var raw = String(key);
        if (raw is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(raw, out _))
        {
            return value;
        }

        errors.Add($"{key}: '{raw}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    public bool? Boolean(string key)
    {
        var raw = String(key);
        if (raw is null)
        {
            return null;
        }

        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        errors.Add($"{key}: '{raw}' must be true or false.");
        return null;
    }

    public int? Integer(string key, int min, int max)
    {
        var raw = String(key);
        if (raw is null)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{key}: '{raw}' must be a whole number from {min} to {max}.");
        return null;
    }
}
