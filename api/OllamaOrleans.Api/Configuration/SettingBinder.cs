using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// Binds options with the configuration binder a property at a time (key: the name or
/// <see cref="ConfigurationKeyNameAttribute"/>), so one bad value hides no other: what the binder cannot
/// convert, or a whole number outside its <see cref="RangeAttribute"/>, becomes a message naming the setting
/// and the value, and the default stays. Blank is unset, text is trimmed, enums take names (any case), a
/// <c>List&lt;string&gt;</c> is a list or one comma-separated value; lists of records without a parameterless
/// constructor are left to the caller.
/// </summary>
public static class SettingBinder
{
    public static void Bind<TOptions>(IConfigurationSection section, object target, SettingErrors<TOptions> errors)
        where TOptions : class
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var entry = section.GetSection(property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name);
            var current = property.GetValue(target);
            if (current is List<string> strings)
            {
                strings.AddRange(Entries(entry).Select(e => e.Value));
            }
            else if (current is IDictionary dictionary)
            {
                entry.Bind(dictionary);
            }
            else if (current is IList list)
            {
                var create = property.PropertyType.GetGenericArguments()[0].GetConstructor(Type.EmptyTypes);
                foreach (var child in create is null ? [] : entry.GetChildren())
                {
                    var item = create!.Invoke(null);
                    Bind(child, item, errors);
                    list.Add(item);
                }
            }
            else if (Read(entry, property.PropertyType, property.GetCustomAttribute<RangeAttribute>(), errors) is { } value)
            {
                property.SetValue(target, value);
            }
        }
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when unset or wrong.</summary>
    public static int? Integer<TOptions>(IConfiguration configuration, string key, int min, int max, SettingErrors<TOptions> errors)
        where TOptions : class => (int?)Read(configuration.GetSection(key), typeof(int), new RangeAttribute(min, max), errors);

    public static bool? Boolean<TOptions>(IConfiguration configuration, string key, SettingErrors<TOptions> errors)
        where TOptions : class => (bool?)Read(configuration.GetSection(key), typeof(bool), null, errors);

    /// <summary>The trimmed text, or null when unset or blank.</summary>
    public static string? Text(IConfiguration configuration, string key) => Trimmed(configuration.GetSection(key));

    /// <summary>The entries of a list setting, or of one comma-separated value, each with the setting to name in an error.</summary>
    public static IEnumerable<(string Setting, string Value)> Entries(IConfigurationSection section)
    {
        IEnumerable<(string Setting, string Text)> entries = section.Value is { } single
            ? [(section.Path, single)]
            : section.GetChildren().Select(c => (c.Path, c.Value ?? ""));
        return entries.SelectMany(e => e.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (e.Setting, v)));
    }

    private static object? Read<TOptions>(IConfigurationSection entry, Type type, RangeAttribute? range, SettingErrors<TOptions> errors)
        where TOptions : class
    {
        if (Trimmed(entry) is not { } text)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return text;
        }

        var value = Convert(entry, target, text);
        if (value is null || (value is int number && range is not null && (number < (int)range.Minimum || number > (int)range.Maximum)))
        {
            errors.Add($"{entry.Path}: '{text}' {Expected(target, range)}");
            return null;
        }

        return value;
    }

    /// <summary>The binder's conversion, refused where it is laxer than the settings always were (hexadecimal numbers, enum numbers).</summary>
    private static object? Convert(IConfigurationSection entry, Type target, string text)
    {
        if ((target == typeof(int) && !IsDecimal(text)) || (target.IsEnum && !char.IsAsciiLetter(text[0])))
        {
            return null;
        }

        try
        {
            var value = entry.Get(target);
            return target.IsEnum && !Enum.IsDefined(target, value!) ? null : value;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsDecimal(string text)
    {
        var digits = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static string Expected(Type target, RangeAttribute? range) =>
        target == typeof(TimeSpan) ? "is not a duration; write it as hh:mm:ss, for example 00:00:30."
        : target == typeof(bool) ? "must be true or false."
        : target.IsEnum ? $"must be one of {string.Join(", ", Enum.GetNames(target))}."
        : $"must be a whole number from {range?.Minimum ?? int.MinValue} to {range?.Maximum ?? int.MaxValue}.";

    private static string? Trimmed(IConfigurationSection entry) =>
        string.IsNullOrWhiteSpace(entry.Value) ? null : entry.Value.Trim();
}
