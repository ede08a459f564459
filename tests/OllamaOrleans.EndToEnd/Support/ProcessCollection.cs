namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// End-to-end tests start real processes with timing expectations; they run one at a time so that
/// two silos never compete for the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "real processes";
}
