using Microsoft.Extensions.Diagnostics.HealthChecks;
using OllamaOrleans.Silo.Hosting;

namespace OllamaOrleans.Silo.Health;

/// <summary>Ready once the silo runs and the host registry is seeded; says why not otherwise.</summary>
public sealed class ReadinessCheck(MonitorReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("silo running, host registry seeded")
            : HealthCheckResult.Unhealthy(readiness.Problem));
}
