namespace OllamaOrleans.Grains.Registry;

/// <summary>Thread-safe, silo-local: each publish swaps in a new ordered array.</summary>
public sealed class RegisteredHosts : IRegisteredHosts
{
    private string[] names = [];

    public IReadOnlyList<string> Names => Volatile.Read(ref names);

    public void Publish(IEnumerable<string> names) =>
        Volatile.Write(ref this.names, [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public void Clear() => Volatile.Write(ref names, []);
}
