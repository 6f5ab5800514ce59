using System.Net;
using Nexus.Core.Platforms.Mapping;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Nexus.Core.Resilience;

/// <summary>
/// The one resilience pipeline definition for store HTTP calls, built once per (platform, store) and cached, so
/// a store's circuit breaker is shared by all its fetches while another store's outage does not trip it.
/// Order, outside in: total timeout → retry (jittered exponential backoff, Retry-After honoured) → circuit
/// breaker → per-attempt timeout. Connectors put their <see cref="RequestCounters"/> in the context under
/// <see cref="CountersKey"/> so retries are counted per connector while the pipeline is shared.
/// </summary>
public sealed class ConnectorPipelineFactory(TimeProvider time) : IDisposable
{
    public static readonly ResiliencePropertyKey<RequestCounters> CountersKey = new("nexus.request-counters");
    private readonly ResiliencePipelineRegistry<string> _registry = new();

    public ResiliencePipeline<HttpResponseMessage> For(string platform, int storeId, ConnectorResilienceOptions options)
        => _registry.GetOrAddPipeline<HttpResponseMessage>($"{platform}:{storeId}", builder => Configure(builder, options, time));

    /// <summary>Transient: worth another attempt. 401/403/404 and other 4xx are the merchant's to fix, so never.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or MalformedPageException or IOException } => true,
        { Exception: TaskCanceledException { InnerException: TimeoutException } } => true, // HttpClient.Timeout
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>Retry-After as a delay (seconds or HTTP date), capped; null when the response has none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time, TimeSpan cap)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is not { } d) return null;
        if (d < TimeSpan.Zero) return TimeSpan.Zero;
        return d > cap ? cap : d;
    }

    /// <summary>A pipeline outside the cache (its own circuit breaker), for tests and one-off connectors.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(ConnectorResilienceOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, time);
        return builder.Build();
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorResilienceOptions options, TimeProvider time)
    {
        builder.TimeProvider = time;
        var jitter = new Random(options.JitterSeed);
        var jitterGate = new Lock();
        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                Randomizer = () => { lock (jitterGate) return jitter.NextDouble(); },
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter(response, time, options.MaxRetryAfter) : null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(CountersKey, out var counters)) counters.Retry();
                    args.Outcome.Result?.Dispose(); // the failed response is not returned to anyone
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // 429 is the store pacing us, not failing: the budget handles it, the breaker must not open on it.
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }

    public void Dispose() => _registry.Dispose();
}
