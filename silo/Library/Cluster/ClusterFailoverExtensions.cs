using Orleans.Configuration;

namespace OllamaOrleans.Silo.Cluster;

public static class ClusterFailoverExtensions
{
    /// <summary>
    /// What a cluster adds to a single silo: faster failure detection (a silo that misses three 3-second
    /// probes is voted dead, about 10 s instead of Orleans' 15–20 s; <c>Orleans:Membership:*</c>
    /// overrides any <see cref="ClusterMembershipOptions"/>), hosts restarted on membership changes,
    /// and hosts handed over on a graceful stop.
    /// </summary>
    public static WebApplicationBuilder AddClusterFailover(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(3);
            o.NumMissedProbesLimit = 3;
            o.NumVotesForDeathDeclaration = 2;
        });
        builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
        builder.Services.AddHostedService<MembershipWatchdog>();
        builder.Services.AddHostedService<HostHandover>();
        return builder;
    }
}
