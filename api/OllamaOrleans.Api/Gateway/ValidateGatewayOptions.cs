using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api.Gateway;

/// <summary>The data annotations of <see cref="GatewayOptions"/>, checked by generated code (also for values set in code rather than read).</summary>
[OptionsValidator]
internal sealed partial class ValidateGatewayOptions : IValidateOptions<GatewayOptions>;
