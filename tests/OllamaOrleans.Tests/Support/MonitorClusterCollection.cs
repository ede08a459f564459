namespace OllamaOrleans.Tests.Support;

/// <summary>The grain and probe tests: one <see cref="ClusterFixture"/> for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class MonitorClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "monitor cluster";
}
