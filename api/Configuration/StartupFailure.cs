using Microsoft.Extensions.Options;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>Turns a configuration error at start-up into a clear message on stderr and exit code 2.</summary>
public static class StartupFailure
{
    public const int InvalidConfigurationExitCode = 2;

    public static bool IsConfigurationError(Exception e) =>
        Unwrap(e) is OptionsValidationException or InvalidSettingsException;

    public static int Report(Exception e)
    {
        var errors = Unwrap(e) switch
        {
            OptionsValidationException v => v.Failures,
            InvalidSettingsException s => s.Errors,
            var other => [other.Message],
        };
        Console.Error.WriteLine("OllamaOrleans cannot start: invalid configuration.");
        foreach (var error in errors)
        {
            Console.Error.WriteLine("  " + error);
        }

        return InvalidConfigurationExitCode;
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
