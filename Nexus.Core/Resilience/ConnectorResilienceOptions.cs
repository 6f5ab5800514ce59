namespace Nexus.Core.Resilience;

/// <summary>
/// Limits of one platform's HTTP pipeline. Defaults suit a real store; tests shrink the delays. All times run
/// on the pipeline's TimeProvider, so a fake clock makes them instant.
/// </summary>
public sealed record ConnectorResilienceOptions
{
    /// <summary>One request, including reading and mapping its body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One logical request with all its retries and waits.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxRetryAttempts { get; init; } = 6;

    /// <summary>First backoff; doubles each attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retry-After values above this are capped, so a hostile header cannot park a sync for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Circuit breaker: open when this share of requests fails within <see cref="BreakerSamplingDuration"/>.</summary>
    public double BreakerFailureRatio { get; init; } = 0.8;

    public int BreakerMinimumThroughput { get; init; } = 20;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seeds the backoff jitter, so a failing run replays the same delays.</summary>
    public int JitterSeed { get; init; } = 17;
}
