namespace OllamaOrleans.Api.Hosts;

/// <summary>
/// The body of <c>POST /api/v1/hosts</c> and <c>PUT /api/v1/hosts/{name}</c>, as the OpenAPI
/// document describes it. Bodies are read by <see cref="HostBodyReader"/>, which checks every field's
/// type itself so that a wrong one is a 400 naming it, never a binder exception.
/// </summary>
/// <param name="Name">The host's name, the <c>host</c> label (POST only; default <c>hostname:port</c>).</param>
/// <param name="Url">The host's base URL, http or https, without credentials.</param>
/// <param name="Labels">Operator labels, exported as <c>label_KEY</c> on <c>ollama_host_info</c>.</param>
public sealed record HostRequest(string? Name, string Url, IReadOnlyDictionary<string, string>? Labels);
