using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OllamaOrleans.Api.Hosts;

/// <summary>
/// Describes the host body in the OpenAPI document without <c>Accepts</c>: that metadata makes
/// routing answer a wrong media type with a bare 415 before the endpoint runs, and the endpoint's
/// own 415 is a problem naming the field. Adds the body's problems: 400 (a field), 413 (too large),
/// 415 (not JSON).
/// </summary>
public static class HostRequestDocumentation
{
    public static RouteHandlerBuilder WithHostRequestBody(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(HostRequest), null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                };
            });
}
