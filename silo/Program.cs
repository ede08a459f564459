using OllamaOrleans.Silo.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddMonitorLogging();
    builder.AddMonitorConfiguration();
    builder.AddMonitorSilo();
    builder.AddMonitorHttp();

    var app = builder.Build();
    app.MapMonitorEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.IsConfigurationError(e))
{
    return StartupFailure.Report(e);
}
