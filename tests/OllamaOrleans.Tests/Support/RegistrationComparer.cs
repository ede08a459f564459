using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Tests.Support;

/// <summary>Registrations equal with their labels (records compare dictionaries by reference).</summary>
public sealed class RegistrationComparer : IEqualityComparer<HostRegistration>
{
    public static RegistrationComparer Instance { get; } = new();

    public bool Equals(HostRegistration? x, HostRegistration? y) => x is null ? y is null : x.IsEquivalentTo(y);

    public int GetHashCode(HostRegistration obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
}
