using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Configuration;

public static class SettingOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> with <see cref="SettingBinder"/>
    /// and checks it at start: first what could not be read (<see cref="SettingErrors{TOptions}"/>), then
    /// the validators registered after this call. Further reading (lists of records, the original
    /// exporter's variables) chains <c>Configure&lt;IConfiguration, SettingErrors&lt;TOptions&gt;&gt;</c>.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSetting<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton<SettingErrors<TOptions>>();
        services.AddSingleton<IValidateOptions<TOptions>>(sp => sp.GetRequiredService<SettingErrors<TOptions>>());
        return services.AddOptions<TOptions>()
            .Configure<IConfiguration, SettingErrors<TOptions>>((options, configuration, errors) =>
            {
                errors.Clear();
                SettingBinder.Bind(configuration.GetSection(section), options, errors);
            })
            .ValidateOnStart();
    }
}
