using Microsoft.AspNetCore.Http;
using OllamaOrleans.GrainInterfaces.Fleet;

namespace OllamaOrleans.Api.Hosts;

/// <summary>The problem answer of a registry edit the fleet grain refused.</summary>
public static class RegistryProblems
{
    public static IResult For(RegistryResult result, string name, string field = "name") => result.Outcome switch
    {
        RegistryOutcome.NotFound => ApiProblems.Field(StatusCodes.Status404NotFound, field, "Unknown host", $"No host named '{name}' is registered."),
        RegistryOutcome.NameTaken => ApiProblems.Field(StatusCodes.Status409Conflict, field, "Name taken", $"A host named '{result.Host?.Name ?? name}' is registered already ({result.Host?.Url})."),
        RegistryOutcome.Configured => ApiProblems.Field(StatusCodes.Status409Conflict, field, "Host from configuration", $"The host '{name}' comes from configuration (Monitor:Hosts or OLLAMA_URL), which would undo this change at the next start; change it there."),
        RegistryOutcome.LimitReached => ApiProblems.Field(StatusCodes.Status409Conflict, field, "Host limit reached", "The registry holds as many hosts as Monitor:MaxHosts (and, for /probe, Monitor:TransientHosts:Max) allows; remove one or raise the limit."),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "not a refusal"),
    };
}
