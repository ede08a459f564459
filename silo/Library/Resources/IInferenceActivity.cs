namespace OllamaOrleans.Silo.Resources;

/// <summary>
/// Whether a host has requests in flight right now. The metering gateway, which sees every request
/// pass, implements it; the resource collector samples busy hosts faster and splits CPU and GPU time
/// into busy and idle. Called once per host per collection cycle, so it must be cheap and must not block.
/// </summary>
public interface IInferenceActivity
{
    bool IsBusy(string hostName);
}
