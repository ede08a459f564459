using OllamaOrleans.EndToEnd.Support;

namespace OllamaOrleans.EndToEnd;

/// <summary>
/// Cluster mode against a Redis that asks for a password, and one that speaks only TLS: the silo joins,
/// polls and keeps its state there. The password comes from the connection string or a secret file
/// (REDIS_PASSWORD_FILE); a self-signed server certificate is trusted through REDIS_CA_FILE.
/// </summary>
[Collection(WaitingLane1.Name)]
public sealed class RedisAuthTests : IAsyncLifetime
{
    private const string Password = "s3cret-Ä;=,pw";
    private SimulatorProcess simulator = null!;

    public async Task InitializeAsync() => simulator = await SimulatorProcess.StartAsync(1);

    public async Task DisposeAsync() => await simulator.DisposeAsync();

    [Fact]
    public async Task APasswordFromASecretFile_OpensAPasswordProtectedRedis()
    {
        await using var redis = await RedisServer.StartAsync(Password);
        var secret = Path.Combine(Path.GetTempPath(), "ollama-orleans-redis-secret-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(secret, Password + "\n");
        try
        {
            await using var silo = Start(redis.Connection, ("REDIS_PASSWORD_FILE", secret));

            await PollsAndStoresAsync(silo, redis);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task PasswordAndTls_InTheConnectionString_OpenARedisThatSpeaksOnlyTls()
    {
        await using var redis = await RedisServer.StartAsync("tls-only-pw", tls: true);
        await using var silo = Start($"{redis.Connection},password=tls-only-pw", ("REDIS_CA_FILE", redis.CaFile!));

        await PollsAndStoresAsync(silo, redis);
    }

    [Fact]
    public async Task AnUnreadablePasswordFile_ExitsWithCode2NamingIt()
    {
        await using var silo = Start("127.0.0.1:1", ("REDIS_PASSWORD_FILE", "/nonexistent/redis-secret"));

        Assert.Equal(2, await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(silo.Process.Output, l => l.Contains("REDIS_PASSWORD_FILE: '/nonexistent/redis-secret' cannot be read", StringComparison.Ordinal));
    }

    private async Task PollsAndStoresAsync(SiloProcess silo, RedisServer redis)
    {
        await silo.WaitUntilReadyAsync();
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            silo.ScrapeAsync,
            s => s.Value("ollama_up", ("host", $"127.0.0.1:{simulator.BasePort}")) == 1,
            s => "host not up:\n" + s?.Text + silo.Process.OutputText);
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(redis.KeyCount()), n => n > 0, n => $"{n} keys in Redis");
        Assert.DoesNotContain("NOAUTH", silo.Process.OutputText, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, silo.Process.OutputText, StringComparison.Ordinal);
    }

    private SiloProcess Start(string connection, params (string Key, string Value)[] extra)
    {
        var settings = ApiKeys.Settings();
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        settings["REDIS_CONNECTION"] = connection;
        settings["Orleans__AdvertisedAddress"] = "127.0.0.1";
        settings["OLLAMA_URL"] = $"http://127.0.0.1:{simulator.BasePort}";
        settings["COLLECT_INTERVAL"] = "1";
        settings["Monitor__Probes__Mode"] = "Off";
        return SiloProcess.Start(settings);
    }
}
