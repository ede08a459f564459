using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Gateway;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Configuration;

public static class ApiSettingsExtensions
{
    /// <summary>
    /// Binds and validates at start the settings of the API and the gateway (<c>Auth</c>, <c>Api</c>,
    /// <c>Security</c>, <c>Gateway</c>), each failure naming its setting, the same in the silo and in
    /// the api process; and registers the address guard's configured policy, before the grains' and the
    /// gateway's defaults so that theirs is this one.
    /// </summary>
    public static IServiceCollection AddApiSettings(this IServiceCollection services, Func<IServiceProvider, ApiHostFacts> facts)
    {
        services.AddSingleton(facts);
        services.AddSetting<AuthOptions>(AuthOptions.Section);
        services.AddSingleton<IConfigureOptions<AuthOptions>, AuthOptionsSetup>();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSetting<ApiOptions>(ApiOptions.Section);
        services.AddSingleton<IConfigureOptions<ApiOptions>, ApiOptionsSetup>();
        services.AddSingleton<IValidateOptions<ApiOptions>, ValidateApiOptions>();
        services.AddSetting<SecurityOptions>(SecurityOptions.Section);
        services.AddSingleton<IConfigureOptions<SecurityOptions>, SecurityOptionsSetup>();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSetting<GatewayOptions>(GatewayOptions.Section);
        services.AddSingleton<IConfigureOptions<GatewayOptions>, GatewayOptionsSetup>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, ValidateGatewayOptions>();
        services.AddSingleton(sp =>
        {
            var security = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
            return new TargetPolicy(security.AllowedNetworks, security.AllowedHosts);
        });
        return services;
    }

    /// <summary>
    /// Checks every setting validated at start now, before the endpoints read any of them, so that a
    /// start-up failure names all the bad settings at once rather than the first one read.
    /// </summary>
    public static IHost ValidateSettings(this IHost host)
    {
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
