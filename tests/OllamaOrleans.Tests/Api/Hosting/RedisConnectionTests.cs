using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Hosting;

namespace OllamaOrleans.Tests.Api.Hosting;

/// <summary>REDIS_CONNECTION as StackExchange.Redis takes it; a password from REDIS_PASSWORD or a secret file when it has none.</summary>
public sealed class RedisConnectionTests : IDisposable
{
    private readonly string secret = Path.GetTempFileName();

    public void Dispose() => File.Delete(secret);

    [Fact]
    public void PasswordAndTls_InTheConnection_AreTaken_AndWinOverTheEnvironment()
    {
        var options = RedisConnection.Options("redis.local:6380,password=in-string,ssl=true,sslHost=redis.local", "from-env", null);

        Assert.Equal(("in-string", true, "redis.local", false), (options.Password, options.Ssl, options.SslHost, options.AbortOnConnectFail));
        Assert.Equal("Unspecified/redis.local:6380", options.EndPoints.Single().ToString());
    }

    [Fact]
    public void APasswordFromTheEnvironment_FillsAConnectionWithoutOne()
    {
        File.WriteAllText(secret, "from-file\n");

        Assert.Equal("from-env", RedisConnection.Options("redis:6379", "from-env", secret).Password);
        Assert.Equal("from-file", RedisConnection.Options("redis:6379", null, secret).Password);
        Assert.Null(RedisConnection.Options("redis:6379", null, null).Password);
    }

    [Fact]
    public void AnUnreadablePasswordFile_OrAMissingCaFile_IsASettingsError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-secret-" + Guid.NewGuid().ToString("N"));

        var password = Assert.Throws<InvalidSettingsException>(() => RedisConnection.Options("redis:6379", null, missing));
        var ca = Assert.Throws<InvalidSettingsException>(() => RedisConnection.Options("redis:6379,ssl=true", null, null, missing));

        Assert.StartsWith($"REDIS_PASSWORD_FILE: '{missing}' cannot be read", password.Errors.Single());
        Assert.Equal($"REDIS_CA_FILE: '{missing}' does not exist.", ca.Errors.Single());
    }
}
