namespace OllamaOrleans.Api.Security;

/// <summary>The roles an API key has: <c>read</c> sees, <c>admin</c> sees and changes.</summary>
public static class ApiRoles
{
    public const string Read = "read";
    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Read or Admin;
}
