using OllamaOrleans.Api.Security;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// In cluster mode the Orleans Dashboard needs an admin key unless <c>Auth:Dashboard</c> opens it. With
/// no key configured it can only answer 401, so the silo says so once at start, and how to get in.
/// </summary>
public static partial class DashboardAccess
{
    public static void WarnIfLocked(AuthOptions auth, ILogger logger)
    {
        if (auth.Keys.Count == 0 && auth.Dashboard != AccessLevel.Anonymous)
        {
            LogLocked(logger);
        }
    }
}
