namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// Embedded default (one process, memory storage) or cluster (Redis clustering, storage and reminders),
/// decided by one setting: <c>REDIS_CONNECTION</c>, or <c>Orleans:RedisConnection</c> in a file.
/// </summary>
public sealed record SiloMode(string? RedisConnection)
{
    public bool IsCluster => RedisConnection is not null;

    public static SiloMode From(IConfiguration configuration)
    {
        var redis = configuration["REDIS_CONNECTION"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            redis = configuration["Orleans:RedisConnection"];
        }

        return new SiloMode(string.IsNullOrWhiteSpace(redis) ? null : redis.Trim());
    }
}
