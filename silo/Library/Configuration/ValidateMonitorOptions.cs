using Microsoft.Extensions.Options;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>The data annotations of <see cref="MonitorOptions"/>, checked by generated code (also for values set in code rather than read).</summary>
[OptionsValidator]
internal sealed partial class ValidateMonitorOptions : IValidateOptions<MonitorOptions>;
