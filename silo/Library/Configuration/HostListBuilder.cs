using System.Collections.Immutable;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Hosts;

namespace OllamaOrleans.Silo.Configuration;

/// <summary>Turns configured host entries into registrations, collecting every error with the setting it came from.</summary>
public static class HostListBuilder
{
    public static (IReadOnlyList<HostRegistration> Hosts, IReadOnlyList<string> Errors) Build(IEnumerable<HostOptions> entries)
    {
        var hosts = new List<HostRegistration>();
        var errors = new List<string>();
        var settingOfName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var legacy = entry.Setting == "OLLAMA_URL";
            var urlSetting = legacy ? "OLLAMA_URL" : $"{entry.Setting}:Url";
            var (url, urlError) = HostRules.CheckUrl(entry.Url);
            if (urlError is not null)
            {
                errors.Add($"{urlSetting}: '{entry.Url}' {urlError}.");
                continue;
            }

            var name = string.IsNullOrWhiteSpace(entry.Name) ? HostRules.NameFromUrl(url!) : entry.Name.Trim();
            var nameSetting = legacy ? "OLLAMA_URL" : $"{entry.Setting}:Name";
            if (HostRules.CheckName(name) is { } nameError)
            {
                errors.Add($"{nameSetting}: host name '{name}' {nameError}.");
                continue;
            }

            if (settingOfName.TryGetValue(name, out var first))
            {
                errors.Add($"{nameSetting}: host name '{name}' is used twice (also by {first}); give each host its own name.");
                continue;
            }

            settingOfName[name] = nameSetting;
            var labelErrors = CheckLabels(entry);
            if (labelErrors.Count > 0)
            {
                errors.AddRange(labelErrors.Select(e => $"{entry.Setting}:Labels: {e}."));
                continue;
            }

            hosts.Add(new HostRegistration(
                name,
                url!.AbsoluteUri,
                entry.Labels.ToImmutableSortedDictionary(StringComparer.Ordinal),
                HostSource.Configuration));
        }

        return (hosts, errors);
    }

    private static List<string> CheckLabels(HostOptions entry)
    {
        var errors = new List<string>();
        if (entry.Labels.Count > HostRules.MaxLabels)
        {
            errors.Add($"{entry.Labels.Count} labels, at most {HostRules.MaxLabels} allowed");
        }

        foreach (var (key, value) in entry.Labels)
        {
            if (HostRules.CheckLabel(key, value) is { } error)
            {
                errors.Add(error);
            }
        }

        return errors;
    }
}
