namespace OllamaOrleans.GrainInterfaces.Fleet;

/// <summary>What a registry edit through the API or <c>/probe</c> did, or why it did nothing.</summary>
[Alias("OllamaOrleans.RegistryOutcome")]
public enum RegistryOutcome
{
    Created = 0,
    Updated = 1,
    Unchanged = 2,
    Removed = 3,

    /// <summary>A registered host was found (a probe of a registered URL).</summary>
    Found = 4,

    NotFound = 5,

    /// <summary>A host of that name is registered already.</summary>
    NameTaken = 6,

    /// <summary>The host comes from configuration; only the configuration changes it.</summary>
    Configured = 7,

    /// <summary><c>Monitor:MaxHosts</c> or <c>Monitor:TransientHosts:Max</c> is reached.</summary>
    LimitReached = 8,

    /// <summary>The target is not registered and the caller may not register it transiently.</summary>
    NotRegistered = 9,
}
