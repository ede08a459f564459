using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Tests.Support;

/// <summary>
/// Reads settings into <typeparamref name="T"/> through the registrations a process makes, and runs its
/// validators in their order, as the start-up check does; returns the options even when they fail.
/// </summary>
public static class SettingsHarness
{
    public static (T Options, IReadOnlyList<string> Errors) Load<T>(Action<IServiceCollection> register, params (string Key, string Value)[] settings)
        where T : class, new()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        register(services);
        using var provider = services.BuildServiceProvider();
        var options = new T();
        foreach (var setup in provider.GetServices<IConfigureOptions<T>>())
        {
            setup.Configure(options);
        }

        var errors = provider.GetServices<IValidateOptions<T>>().Select(v => v.Validate(Options.DefaultName, options)).SelectMany(r => r.Failures ?? []);
        return (options, [.. errors]);
    }
}
