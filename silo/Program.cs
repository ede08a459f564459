using OllamaOrleans.Api.Configuration;
using OllamaOrleans.Silo.Hosting;
using OllamaOrleans.Silo.Resources.Gpu;

if (GpuCheck.Requested(args))
{
    return GpuCheck.Run(args, Console.Out);
}

if (KeyCommands.Requested(args))
{
    return KeyCommands.Run(args, Console.In, Console.Out);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddMonitorLogging();
    builder.AddMonitorConfiguration();
    builder.AddMonitorSilo();
    builder.AddMonitorResources();
    builder.AddMonitorHttp();
    builder.AddMonitorApi();

    var app = builder.Build();
    app.MapMonitorEndpoints();
    app.LogGarbageCollector();
    app.BoundShutdown();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.IsConfigurationError(e))
{
    return StartupFailure.Report(e);
}
catch (Exception e) when (StartupFailure.IsPortInUse(e))
{
    return StartupFailure.ReportPortInUse(e, "EXPORTER_PORT, Orleans:SiloPort, Orleans:GatewayPort and Gateway:Listeners", Console.Error);
}
