using Microsoft.AspNetCore.Builder;
using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Api.Host.Hosting;

namespace OllamaOrleans.Api.Host;

/// <summary>
/// The api process: the HTTP API and the metering gateway as an Orleans client of the silos. In the
/// embedded default the silo co-hosts the same endpoints on its own port and this is not needed.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.AddApiClusterClient();
            builder.AddApiHttp();

            var app = builder.Build();
            app.MapApiProcessEndpoints();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupFailure.IsConfigurationError(e))
        {
            return StartupFailure.Report(e);
        }
        catch (Exception e) when (StartupFailure.IsPortInUse(e))
        {
            return StartupFailure.ReportPortInUse(e, "API_PORT and Gateway:Listeners", Console.Error);
        }
    }
}
