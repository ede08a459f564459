using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// For what is configured while the host is built (Kestrel's ports), before the settings are checked:
/// an invalid value is left out here, and the start-up check reports it with all the others.
/// </summary>
public static class UncheckedOptions
{
    public static T? ValueOrNull<T>(this IOptions<T> options)
        where T : class
    {
        try
        {
            return options.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
