namespace OllamaOrleans.Silo.Metrics;

/// <summary>The names of the series the fleet exposition writes; docs/metrics.md documents each.</summary>
public static class MetricNames
{
    public const string Up = "ollama_up";
    public const string BuildInfo = "ollama_build_info";
    public const string HostInfo = "ollama_host_info";
    public const string ModelsAvailable = "ollama_models_available";
    public const string ModelsLoaded = "ollama_models_loaded";
    public const string ModelsDiskBytes = "ollama_models_disk_bytes";
    public const string ModelsUntracked = "ollama_models_untracked";
    public const string LastPoll = "ollama_last_poll_timestamp_seconds";
    public const string LastSuccess = "ollama_last_success_timestamp_seconds";
    public const string PollDuration = "ollama_poll_duration_seconds";
    public const string PollErrors = "ollama_poll_errors_total";
    public const string ModelSize = "ollama_model_size_bytes";
    public const string ModelInfo = "ollama_model_info";
    public const string ModelLoaded = "ollama_model_loaded";
    public const string ModelMemory = "ollama_model_memory_bytes";
    public const string ModelVram = "ollama_model_vram_bytes";
    public const string ModelContext = "ollama_model_context_length";
    public const string ModelExpires = "ollama_model_expires_at_timestamp_seconds";
    public const string ModelLoads = "ollama_model_loads_total";
    public const string ModelUnloads = "ollama_model_unloads_total";
    public const string MonitorHosts = "ollama_monitor_hosts";
    public const string HostRegistered = "ollama_monitor_host_registered";
    public const string Requests = "ollama_requests_total";
    public const string RequestDuration = "ollama_request_duration_seconds";
    public const string PromptTokens = "ollama_prompt_tokens_total";
    public const string GenerationTokens = "ollama_generation_tokens_total";
    public const string PromptEvalSeconds = "ollama_prompt_eval_seconds_total";
    public const string GenerationSeconds = "ollama_generation_seconds_total";
    public const string GenerationDuration = "ollama_generation_duration_seconds";
    public const string TokensPerSecond = "ollama_tokens_per_second";
    public const string TimeToFirstToken = "ollama_time_to_first_token_seconds";
    public const string LoadDuration = "ollama_load_duration_seconds";
    public const string QueueWait = "ollama_queue_wait_seconds";
    public const string DoneReasons = "ollama_done_reasons_total";
    public const string ProbeSuccess = "ollama_probe_success";
    public const string LastProbe = "ollama_last_probe_timestamp_seconds";
    public const string ResourcesLocal = "ollama_resources_local";
    public const string ResourceLastSample = "ollama_resource_last_sample_timestamp_seconds";
    public const string ActivitySeconds = "ollama_activity_seconds_total";
    public const string Processes = "ollama_processes";
    public const string CpuUsage = "ollama_cpu_usage_percent";
    public const string CpuSeconds = "ollama_cpu_seconds_total";
    public const string MemoryUsage = "ollama_memory_usage_bytes";
    public const string DiskRead = "ollama_disk_read_bytes_total";
    public const string GpuAvailable = "ollama_gpu_available";
    public const string GpuInfo = "ollama_gpu_info";
    public const string GpuUsage = "ollama_gpu_usage_percent";
    public const string GpuMemory = "ollama_gpu_memory_bytes";
    public const string GpuTemperature = "ollama_gpu_temperature_celsius";
    public const string GpuPower = "ollama_gpu_power_watts";
    public const string GpuEnergy = "ollama_gpu_energy_joules_total";
    public const string GpuActiveSeconds = "ollama_gpu_active_seconds_total";
    public const string GpuProcessMemory = "ollama_gpu_process_memory_bytes";
}
