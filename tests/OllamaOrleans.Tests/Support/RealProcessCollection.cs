namespace OllamaOrleans.Tests.Support;

/// <summary>Tests that run real processes burning CPU run one at a time, so they do not skew each other's figures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealProcessCollection
{
    public const string Name = "real processes";
}
