using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OllamaOrleans.Api.Security;

/// <summary>
/// Reads of the API: open while no key is configured (the embedded default keeps working out of the
/// box, and reads show no more than <c>/metrics</c>), a key of either role once keys exist.
/// </summary>
public sealed class OpenReadRequirement : AuthorizationHandler<OpenReadRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OpenReadRequirement requirement)
    {
        var keys = (context.Resource as HttpContext)?.RequestServices.GetService<ApiKeyStore>();
        if (keys is null || keys.IsEmpty || context.User.IsInRole(ApiRoles.Read) || context.User.IsInRole(ApiRoles.Admin))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
