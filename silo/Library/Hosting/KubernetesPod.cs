namespace OllamaOrleans.Silo.Hosting;

/// <summary>
/// Whether this silo runs in a Kubernetes pod set up for Orleans' Kubernetes hosting: the manifests
/// (deploy/kubernetes/silo.yaml) pass the pod's namespace, name and IP through the downward API.
/// </summary>
public static class KubernetesPod
{
    public static bool IsDetected =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("POD_NAMESPACE"))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("POD_NAME"))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("POD_IP"));
}
