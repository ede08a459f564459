using OllamaOrleans.Api.Configuration;

namespace OllamaOrleans.Silo.Hosting;

/// <summary>The silo's Orleans endpoints and identity (<c>Orleans:*</c>), read before the host is built.</summary>
public sealed record OrleansSettings(int SiloPort, int GatewayPort, string ClusterId, string ServiceId, string? AdvertisedAddress)
{
    public static OrleansSettings From(IConfiguration configuration)
    {
        var errors = new SettingErrors<OrleansSettings>();
        var settings = new OrleansSettings(
            SettingBinder.Integer(configuration, "Orleans:SiloPort", 1, 65535, errors) ?? 11111,
            SettingBinder.Integer(configuration, "Orleans:GatewayPort", 1, 65535, errors) ?? 30000,
            SettingBinder.Text(configuration, "Orleans:ClusterId") ?? "ollama-orleans",
            SettingBinder.Text(configuration, "Orleans:ServiceId") ?? "ollama-orleans",
            SettingBinder.Text(configuration, "Orleans:AdvertisedAddress"));
        if (settings.SiloPort == settings.GatewayPort)
        {
            errors.Add($"Orleans:GatewayPort: '{settings.GatewayPort}' must differ from Orleans:SiloPort.");
        }

        if (settings.AdvertisedAddress is not null && !System.Net.IPAddress.TryParse(settings.AdvertisedAddress, out _))
        {
            errors.Add($"Orleans:AdvertisedAddress: '{settings.AdvertisedAddress}' must be an IP address other silos can reach.");
        }

        errors.ThrowIfAny();
        return settings;
    }
}
