namespace OllamaOrleans.Tests.Support;

/// <summary>
/// The management API tests: a <see cref="ClusterFixture"/> of their own, apart from
/// <see cref="MonitorClusterCollection"/>'s, since they list and change the "fleet" registry and its
/// limits, which the grain tests count too.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "api cluster";
}
