using Microsoft.Extensions.Options;

namespace OllamaOrleans.Grains.Probes;

/// <summary>The data annotations of <see cref="ProbeOptions"/> and its overrides, checked by generated code (also for values set in code rather than read).</summary>
[OptionsValidator]
public sealed partial class ValidateProbeOptions : IValidateOptions<ProbeOptions>;
