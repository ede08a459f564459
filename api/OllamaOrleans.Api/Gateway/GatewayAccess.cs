using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// <c>Gateway:RequireKey</c>: a request needs a configured API key of either role, or gets Ollama's
/// own 401 shape (clients of Ollama read <c>{"error"}</c>, not problem details). Authenticates
/// explicitly because listener ports answer before the authentication middleware runs.
/// </summary>
public static class GatewayAccess
{
    public static async Task<bool> AllowAsync(HttpContext context, PathString path)
    {
        var requireKey = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RequireKey;
        var keys = context.RequestServices.GetService<ApiKeyStore>();
        if (keys is not null && ApiKeyCredentials.From(context.Request.Headers) is not null)
        {
            var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (result.Succeeded)
            {
                context.User = result.Principal;
                return true;
            }
        }

        if (!requireKey)
        {
            return true;
        }

        var noKeys = keys?.IsEmpty ?? true;
        var message = noKeys
            ? "this gateway requires an API key (Gateway:RequireKey) but none is configured; configure Auth:Keys"
            : "an API key is required: send it as 'Authorization: Bearer KEY'";
        await OllamaErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, message, MeteredEndpoints.Classify(context.Request.Method, path.Value ?? "/"));
        return false;
    }
}
