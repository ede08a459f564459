namespace OllamaOrleans.Api.Security;

/// <summary>What a surface (<c>/metrics</c>, the dashboard) requires: nothing, a key of any role, or an admin key.</summary>
public enum AccessLevel
{
    Anonymous = 0,
    Read = 1,
    Admin = 2,
}
