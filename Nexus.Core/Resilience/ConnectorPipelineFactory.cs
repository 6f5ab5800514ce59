using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Platforms.Mapping;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace Nexus.Core.Resilience;

/// <summary>A connector pipeline's key: one builder ("connector-http") and one cached instance per (platform, store).</summary>
public sealed record ConnectorPipelineKey(string Builder, string Platform, int StoreId)
{
    public const string ConnectorHttp = "connector-http";

    public static ConnectorPipelineKey For(string platform, int storeId) => new(ConnectorHttp, platform.ToLowerInvariant(), storeId);

    /// <summary>Telemetry names the instance "woocommerce:12".</summary>
    public string Instance => $"{Platform}:{StoreId}";

    /// <summary>Builders are looked up by name only, so every (platform, store) shares the one registered definition.</summary>
    public static IEqualityComparer<ConnectorPipelineKey> ByBuilder { get; } = EqualityComparer<ConnectorPipelineKey>.Create((a, b) => a?.Builder == b?.Builder, k => k.Builder.GetHashCode(StringComparison.Ordinal));
}

/// <summary>
/// The one resilience pipeline definition for store HTTP calls, registered through DI (<c>AddResiliencePipeline</c>, see
/// <see cref="ConnectorHttpServiceCollectionExtensions"/>) and cached per (platform, store), so a store's circuit breaker
/// is shared by all its fetches while another store's outage does not trip it. Order, outside in: total timeout → retry
/// (jittered exponential backoff; Retry-After and the platform's throttle signals honoured) → circuit breaker →
/// per-attempt timeout. Retries are counted by Polly telemetry (<see cref="ConnectorTelemetryListener"/>) into the
/// <see cref="RequestCounters"/> each call puts in its context under <see cref="CountersKey"/>.
/// </summary>
public sealed class ConnectorPipelineFactory : IDisposable
{
    public static readonly ResiliencePropertyKey<RequestCounters> CountersKey = new("nexus.request-counters");

    /// <summary>The calling connector's throttle-signal hook (see <see cref="ConnectorHttpProfile.ThrottleSignal"/>).</summary>
    public static readonly ResiliencePropertyKey<Func<HttpResponseMessage, TimeSpan?>> ThrottleSignalKey = new("nexus.throttle-signal");

    private readonly ResiliencePipelineProvider<ConnectorPipelineKey> _provider;
    private readonly ResiliencePipelineRegistry<ConnectorPipelineKey>? _owned;
    private readonly ConcurrentDictionary<ConnectorPipelineKey, ConnectorResilienceOptions> _options = new();

    /// <summary>Outside DI (tests, one-off tools): its own registry with the same definition.</summary>
    public ConnectorPipelineFactory(TimeProvider time)
    {
        var registryOptions = new ResiliencePipelineRegistryOptions<ConnectorPipelineKey>();
        RegistryOptions(registryOptions);
        _owned = new ResiliencePipelineRegistry<ConnectorPipelineKey>(registryOptions);
        _owned.TryAddBuilder<HttpResponseMessage>(ConnectorPipelineKey.For("", 0), (builder, context) =>
        {
            Configure(builder, OptionsFor(context.PipelineKey), time);
            builder.ConfigureTelemetry(Telemetry);
        });
        _provider = _owned;
    }

    /// <summary>In DI: the pipelines registered with <c>AddResiliencePipeline</c>.</summary>
    public ConnectorPipelineFactory(ResiliencePipelineProvider<ConnectorPipelineKey> provider) => _provider = provider;

    public static Action<ResiliencePipelineRegistryOptions<ConnectorPipelineKey>> RegistryOptions { get; } = options =>
    {
        options.BuilderComparer = ConnectorPipelineKey.ByBuilder;
        options.BuilderNameFormatter = key => key.Builder;
        options.InstanceNameFormatter = key => key.Instance;
    };

    /// <summary>Telemetry for pipelines built outside DI (in DI, <c>TelemetryOptions</c> are configured once for all).</summary>
    internal static TelemetryOptions Telemetry { get; } = new() { LoggerFactory = NullLoggerFactory.Instance, TelemetryListeners = { new ConnectorTelemetryListener() } };

    public ResiliencePipeline<HttpResponseMessage> For(string platform, int storeId, ConnectorResilienceOptions options)
    {
        var key = ConnectorPipelineKey.For(platform, storeId);
        _options.TryAdd(key, options);
        return _provider.GetPipeline<HttpResponseMessage>(key);
    }

    /// <summary>The options the first caller asked for with this key (the builder runs once per key).</summary>
    public ConnectorResilienceOptions OptionsFor(ConnectorPipelineKey key) => _options.GetValueOrDefault(key) ?? new ConnectorResilienceOptions();

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

    /// <summary>A pipeline outside any registry (its own circuit breaker), for tests and one-off connectors.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(ConnectorResilienceOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, time);
        builder.ConfigureTelemetry(Telemetry);
        return builder.Build();
    }

    /// <summary>The platform said "slow down" without a 429 (its throttle-signal hook): how long to wait, else null.</summary>
    private static TimeSpan? Throttle(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { IsSuccessStatusCode: true } response && context.Properties.TryGetValue(ThrottleSignalKey, out var signal) ? signal(response) : null;

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorResilienceOptions options, TimeProvider time)
    {
        builder.TimeProvider = time;
        var jitter = new Random(options.JitterSeed);
        var jitterGate = new Lock();
        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) || Throttle(args.Context, args.Outcome) is not null),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                Randomizer = () => { lock (jitterGate) return jitter.NextDouble(); },
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter(response, time, options.MaxRetryAfter) ?? Cap(Throttle(args.Context, args.Outcome), options.MaxRetryAfter) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose(); // the failed response is not returned to anyone
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // 429 and throttle signals are the store pacing us, not failing: the budget handles them, the breaker must not open on them.
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }

    private static TimeSpan? Cap(TimeSpan? delay, TimeSpan cap) => delay is { } d ? (d > cap ? cap : d < TimeSpan.Zero ? TimeSpan.Zero : d) : null;

    public void Dispose() => _owned?.Dispose();
}

/// <summary>Counts retries from Polly's telemetry into the calling connector's counters (found in the execution's context).</summary>
public sealed class ConnectorTelemetryListener : TelemetryListener
{
    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        if (args.Event.EventName == "OnRetry" && args.Context.Properties.TryGetValue(ConnectorPipelineFactory.CountersKey, out var counters)) counters.Retry();
    }
}
