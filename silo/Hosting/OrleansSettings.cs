using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>The silo's Orleans endpoints and identity (<c>Orleans:*</c>), read before the host is built.</summary>
public sealed record OrleansSettings(int SiloPort, int GatewayPort, string ClusterId, string ServiceId, string? AdvertisedAddress)
{
    public static OrleansSettings From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var read = new SettingReader(configuration, errors);
        var settings = new OrleansSettings(
            read.Integer("Orleans:SiloPort", 1, 65535) ?? 11111,
            read.Integer("Orleans:GatewayPort", 1, 65535) ?? 30000,
            read.String("Orleans:ClusterId") ?? "ollama-orleans",
            read.String("Orleans:ServiceId") ?? "ollama-orleans",
            read.String("Orleans:AdvertisedAddress"));
        if (settings.SiloPort == settings.GatewayPort)
        {
            errors.Add($"Orleans:GatewayPort: '{settings.GatewayPort}' must differ from Orleans:SiloPort.");
        }

        if (settings.AdvertisedAddress is not null && !System.Net.IPAddress.TryParse(settings.AdvertisedAddress, out _))
        {
            errors.Add($"Orleans:AdvertisedAddress: '{settings.AdvertisedAddress}' must be an IP address other silos can reach.");
        }

        return errors.Count == 0 ? settings : throw new InvalidSettingsException(errors);
    }
}
