namespace OllamaOrleans.GrainInterfaces.Hosts;

/// <summary>How a <see cref="HostSource"/> is spelled in the API and in the <c>registration</c> label.</summary>
public static class HostSourceNames
{
    public static string Name(this HostSource source) => source switch
    {
        HostSource.Configuration => "configuration",
        HostSource.Api => "api",
        HostSource.Transient => "transient",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
