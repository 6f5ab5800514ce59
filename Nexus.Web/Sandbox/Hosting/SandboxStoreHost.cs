using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.Hosting;

/// <summary>
/// A running sandbox store: the generated data (built on first use, so a Large store does not slow startup)
/// plus its runtime behaviour state. Platform emulators share this; each adds only its wire format.
/// </summary>
public sealed class SandboxStoreHost
{
    private readonly Lazy<SandboxStore> _store;
    private readonly Dictionary<string, byte[]> _lastPages = new(StringComparer.Ordinal);
    private readonly Lock _pagesGate = new();

    public SandboxStoreHost(SandboxStoreOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        var generation = options.ToGenerationOptions(time);
        _store = new Lazy<SandboxStore>(() => new SandboxStore(generation), LazyThreadSafetyMode.ExecutionAndPublication);
        RateLimiter = new TokenBucket(options.RateLimitPerMinute, time);
        Faults = new FaultInjector(options.Seed, options.FaultRate, options.FaultKinds);
        Nonces = new NonceCache(TimeSpan.FromMinutes(15));
    }

    public SandboxStoreOptions Options { get; }
    public TimeProvider Time { get; }
    public SandboxStore Store => _store.Value;
    public TokenBucket RateLimiter { get; }
    public FaultInjector Faults { get; }
    public NonceCache Nonces { get; }

    /// <summary>Remembers a served list page per collection so the RepeatPreviousPage fault can replay it.</summary>
    public byte[]? SwapLastPage(string collection, byte[] body)
    {
        lock (_pagesGate)
        {
            // Sub-collections (orders/{id}/refunds, ...) are unbounded in number: forget them all now and then.
            if (_lastPages.Count >= 256 && !_lastPages.ContainsKey(collection)) _lastPages.Clear();
            _lastPages.TryGetValue(collection, out var previous);
            _lastPages[collection] = body;
            return previous;
        }
    }
}
