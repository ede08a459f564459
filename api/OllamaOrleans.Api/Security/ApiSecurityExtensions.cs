using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Security;

public static class ApiSecurityExtensions
{
    /// <summary>API keys as the default authentication scheme, the role policies and the per-key rate limit.</summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(ApiPolicies.Add);
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ApiRateLimits>();
        return services;
    }

    /// <summary>Authentication, then the rate limit (so it counts per key, and also counts refused attempts), then authorization.</summary>
    public static IApplicationBuilder UseApiSecurity(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
