namespace OllamaOrleans.Api;

/// <summary>One invalid field of a request (<c>url</c>, <c>labels.gpu</c>, <c>target</c>) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);
