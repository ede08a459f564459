namespace OllamaOrleans.Tests.Support;

/// <summary>The grain and probe tests: one <see cref="MonitorClusterFixture"/> for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class MonitorClusterCollection : ICollectionFixture<MonitorClusterFixture>
{
    public const string Name = "monitor cluster";
}
