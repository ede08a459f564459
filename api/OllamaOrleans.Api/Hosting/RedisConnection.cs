using Microsoft.Extensions.Configuration;
using OllamaOrleans.Api.Configuration;
using StackExchange.Redis;

namespace OllamaOrleans.Api.Hosting;

/// <summary>
/// The Redis client settings of the silos and the api process: <c>REDIS_CONNECTION</c> as
/// StackExchange.Redis takes it (<c>host:port,password=...,ssl=true,sslHost=...</c>); a password not
/// in it comes from <c>REDIS_PASSWORD</c>, or from the file <c>REDIS_PASSWORD_FILE</c> names (a Docker
/// or Kubernetes secret), so the password need not sit in the connection string. With TLS, a server
/// certificate from a private CA (or self-signed) is trusted when <c>REDIS_CA_FILE</c> names its PEM.
/// </summary>
public static class RedisConnection
{
    public static ConfigurationOptions Options(string connection, IConfiguration configuration) =>
        Options(connection, configuration["REDIS_PASSWORD"], configuration["REDIS_PASSWORD_FILE"], configuration["REDIS_CA_FILE"]);

    public static ConfigurationOptions Options(string connection, string? password, string? passwordFile, string? caFile = null)
    {
        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        if (!string.IsNullOrWhiteSpace(caFile))
        {
            if (!File.Exists(caFile))
            {
                throw new InvalidSettingsException([$"REDIS_CA_FILE: '{caFile}' does not exist."]);
            }

            options.TrustIssuer(caFile);
        }

        if (!string.IsNullOrEmpty(options.Password))
        {
            return options;
        }

        if (!string.IsNullOrEmpty(password))
        {
            options.Password = password;
        }
        else if (!string.IsNullOrWhiteSpace(passwordFile))
        {
            try
            {
                options.Password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidSettingsException([$"REDIS_PASSWORD_FILE: '{passwordFile}' cannot be read: {e.Message}"]);
            }
        }

        return options;
    }
}
