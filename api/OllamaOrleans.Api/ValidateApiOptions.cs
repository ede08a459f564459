using Microsoft.Extensions.Options;

namespace OllamaOrleans.Api;

/// <summary>The data annotations of <see cref="ApiOptions"/>, checked by generated code (also for values set in code rather than read).</summary>
[OptionsValidator]
internal sealed partial class ValidateApiOptions : IValidateOptions<ApiOptions>;
