using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace OllamaOrleans.Api.Security;

/// <summary>The 401 and 403 answers: problem details that say how to get in.</summary>
public static class AuthProblems
{
    public const string HowToConfigure =
        "Create a key with `dotnet OllamaOrleans.Silo.dll --new-key` (or pick a long random string and hash it with `printf %s KEY | sha256sum`), " +
        "configure its hash as Auth:Keys:0:Hash with Auth:Keys:0:Name=ops and Auth:Keys:0:Role=admin (Auth__Keys__0__Hash=... in the environment), " +
        "restart, and send the key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.";

    /// <param name="why">What needs the key, when the endpoint alone does not say it.</param>
    public static Task UnauthorizedAsync(HttpContext context, bool noKeysConfigured, bool keyPresented, string? why = null)
    {
        var detail = why is not null
            ? why + (noKeysConfigured ? " No API key is configured. " + HowToConfigure : " Send a key of either role as 'Authorization: Bearer KEY'.")
            : noKeysConfigured
            ? "No API key is configured, and this needs one (secure by default: nothing changes the fleet anonymously). " + HowToConfigure
            : keyPresented
                ? "The API key presented is not one of the configured keys."
                : "This needs an API key: send it as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.";

        // Browsers ask for a password on Basic; that is how the dashboard gets a key.
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer, Basic realm=\"OllamaOrleans\", charset=\"UTF-8\"";
        return Write(context, StatusCodes.Status401Unauthorized, "API key required", detail);
    }

    public static Task ForbiddenAsync(HttpContext context)
    {
        var name = context.User.Identity?.Name ?? "?";
        var role = context.User.IsInRole(ApiRoles.Admin) ? ApiRoles.Admin : ApiRoles.Read;
        return Write(context, StatusCodes.Status403Forbidden, "Role not sufficient", $"The key '{name}' has role '{role}'; this needs a key with role 'admin'.");
    }

    private static Task Write(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
