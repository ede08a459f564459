using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// Turns configuration errors at start-up into a clear message on stderr and exit code 2: every
/// failing setting, also when several options fail at once (an <see cref="AggregateException"/>).
/// </summary>
public static class StartupFailure
{
    public const int InvalidConfigurationExitCode = 2;

    public static bool IsConfigurationError(Exception e)
    {
        var causes = Causes(e).ToList();
        return causes.Count > 0 && causes.All(c => c is OptionsValidationException or InvalidSettingsException);
    }

    public static int Report(Exception e)
    {
        Console.Error.WriteLine("OllamaOrleans cannot start: invalid configuration.");
        foreach (var error in Causes(e).SelectMany(Errors).Distinct())
        {
            Console.Error.WriteLine("  " + error);
        }

        return InvalidConfigurationExitCode;
    }

    private static IEnumerable<string> Errors(Exception e) => e switch
    {
        OptionsValidationException v => v.Failures,
        InvalidSettingsException s => s.Errors,
        _ => [e.Message],
    };

    private static IEnumerable<Exception> Causes(Exception e) =>
        e is AggregateException a ? a.Flatten().InnerExceptions : [e];
}
