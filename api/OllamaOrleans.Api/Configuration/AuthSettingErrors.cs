namespace OllamaOrleans.Api.Configuration;

/// <summary>Auth settings that could not be read (the options type lives in the api project and has no room for them).</summary>
internal sealed class AuthSettingErrors
{
    public List<string> Errors { get; } = [];
}
