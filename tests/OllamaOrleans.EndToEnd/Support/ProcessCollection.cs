namespace OllamaOrleans.EndToEnd.Support;

/// <summary>
/// End-to-end tests that keep the machine busy (gateway traffic, browsers, SDK clients) or assert
/// timings of a few seconds: they run one at a time, after the waiting lanes, so that two silos never
/// compete for the machine's two cores while a test measures them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "real processes";
}
