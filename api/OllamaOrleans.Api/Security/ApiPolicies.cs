using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace OllamaOrleans.Api.Security;

/// <summary>The authorization policies, by name, and the access level each surface setting maps to.</summary>
public static class ApiPolicies
{
    /// <summary>API reads: open while no key is configured, else a key of either role.</summary>
    public const string Read = "api-read";

    /// <summary>A key of either role, always (a surface set to <c>read</c>; registering a transient host).</summary>
    public const string AnyKey = "any-key";

    /// <summary>An admin key: every change to the fleet.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.AddRequirements(new OpenReadRequirement()));
        options.AddPolicy(AnyKey, p => p.RequireRole(ApiRoles.Read, ApiRoles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(ApiRoles.Admin));
    }

    /// <summary>Makes an endpoint (or group) require what <paramref name="level"/> says; anonymous adds nothing.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, AccessLevel level)
        where TBuilder : IEndpointConventionBuilder => level switch
        {
            AccessLevel.Read => builder.RequireAuthorization(AnyKey),
            AccessLevel.Admin => builder.RequireAuthorization(Admin),
            _ => builder,
        };
}
