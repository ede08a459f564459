using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OllamaOrleans.Protocol.Diagnostics;

namespace OllamaOrleans.Api.Configuration;

/// <summary>
/// Turns configuration errors at start-up into a clear message on stderr and exit code 2: every
/// failing setting, also when several options fail at once (an <see cref="AggregateException"/>).
/// A port that another process holds is exit code 3, with the settings that choose the ports, instead
/// of an unhandled exception's abort.
/// </summary>
public static class StartupFailure
{
    public const int InvalidConfigurationExitCode = 2;

    public const int PortInUseExitCode = 3;

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

    public static bool IsPortInUse(Exception e) => Causes(e).Any(c => ExceptionChain.Of(c).Any(i => i is AddressInUseException));

    /// <summary>The bind error (Kestrel names the address; Orleans' listeners do not) and where ports are set.</summary>
    public static int ReportPortInUse(Exception e, string portSettings, TextWriter error)
    {
        error.WriteLine("OllamaOrleans cannot start: a port it listens on is in use by another process.");
        foreach (var message in Causes(e).Select(c => ExceptionChain.Of(c).First(i => i is AddressInUseException || i.InnerException is AddressInUseException).Message).Distinct())
        {
            error.WriteLine("  " + message);
        }

        error.WriteLine($"  Stop that process or choose free ports with {portSettings}.");
        return PortInUseExitCode;
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
