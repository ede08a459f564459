using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Hosts;
using OllamaOrleans.Protocol.Security;

namespace OllamaOrleans.Api.Hosts;

/// <summary>
/// Turns a well-typed host body into a registration with the rules configuration uses
/// (<see cref="HostRules"/>): name, URL and labels; then asks the <see cref="TargetGuard"/> whether the
/// URL's host may be reached, names resolved. Every problem names its field.
/// </summary>
public static class HostValidation
{
    /// <param name="pathName">The name in the path (PUT), or null (POST: the body's, else <c>hostname:port</c>).</param>
    public static async Task<(HostRegistration? Registration, IReadOnlyList<FieldError> Errors)> ValidateAsync(
        string? pathName, HostBody body, TargetGuard guard, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Uri? url = null;
        if (body.Url is null)
        {
            errors.Add(new FieldError("url", "is required: the host's base URL, for example http://gpu-box-1:11434"));
        }
        else
        {
            (url, var urlError) = HostRules.CheckUrl(body.Url);
            if (urlError is not null)
            {
                errors.Add(new FieldError("url", urlError));
            }
        }

        var name = pathName ?? body.Name ?? (url is null ? null : HostRules.NameFromUrl(url));
        if (pathName is not null && body.Name is not null && body.Name != pathName)
        {
            errors.Add(new FieldError("name", "differs from the name in the path; a host is renamed by deleting it and creating it anew"));
        }
        else if (name is not null && HostRules.CheckName(name) is { } nameError)
        {
            errors.Add(new FieldError("name", nameError));
        }

        var labels = body.Labels ?? new Dictionary<string, string>();
        if (labels.Count > HostRules.MaxLabels)
        {
            errors.Add(new FieldError("labels", $"has {labels.Count} labels, at most {HostRules.MaxLabels} are allowed"));
        }
        else
        {
            errors.AddRange(labels
                .Select(l => (l.Key, Error: HostRules.CheckLabel(l.Key, l.Value)))
                .Where(l => l.Error is not null)
                .Select(l => new FieldError("labels." + FieldNames.Printable(l.Key), l.Error!)));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (await guard.CheckAsync(url!, cancellationToken) is { } refused)
        {
            return (null, [new FieldError("url", $"is refused: {refused}")]);
        }

        return (new HostRegistration(name!, url!.AbsoluteUri, labels.ToImmutableSortedDictionary(StringComparer.Ordinal), HostSource.Api), []);
    }
}
