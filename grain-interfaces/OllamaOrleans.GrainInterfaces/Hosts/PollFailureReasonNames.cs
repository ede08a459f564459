namespace OllamaOrleans.GrainInterfaces.Hosts;

public static class PollFailureReasonNames
{
    public static string ToLabel(this PollFailureReason reason) => reason switch
    {
        PollFailureReason.Timeout => "timeout",
        PollFailureReason.Refused => "refused",
        PollFailureReason.Unreachable => "unreachable",
        PollFailureReason.Http4xx => "http_4xx",
        PollFailureReason.Http5xx => "http_5xx",
        PollFailureReason.Malformed => "malformed",
        PollFailureReason.Truncated => "truncated",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
