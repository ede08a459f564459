using Microsoft.Extensions.DependencyInjection;
using OllamaOrleans.Api.Security;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The management API's services: key authentication and roles, the rate limit, the address guard
    /// and the OpenAPI document. The host supplies the options (<see cref="ApiOptions"/>,
    /// <see cref="AuthOptions"/>); the silo adds its exposition for <c>/probe</c> (<c>silo/Library/Probe</c>).
    /// </summary>
    public static IServiceCollection AddOllamaApi(this IServiceCollection services)
    {
        services.AddApiSecurity();
        services.AddTargetGuard();
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OllamaOrleans management API";
            document.Info.Description = "Hosts, fleet summary, models and their statistics, usage analytics; /probe for Prometheus' multi-target pattern.";
            return Task.CompletedTask;
        }));
        return services;
    }
}
