using System.Collections.Concurrent;

namespace Nexus.Web.Sandbox.Behaviour;

/// <summary>
/// OAuth nonces seen within the timestamp window. Like WooCommerce, a nonce is single-use per consumer key;
/// entries older than the window are dropped because an old timestamp is refused anyway.
/// </summary>
public sealed class NonceCache(TimeSpan window)
{
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time (key, nonce) is seen; false on a replay.</summary>
    public bool TryUse(string consumerKey, string nonce, DateTimeOffset now)
    {
        var cutoff = now.ToUnixTimeSeconds() - (long)window.TotalSeconds;
        if (_seen.Count > 10_000)
            foreach (var (k, t) in _seen)
                if (t < cutoff) _seen.TryRemove(k, out _);
        return _seen.TryAdd(consumerKey + "\n" + nonce, now.ToUnixTimeSeconds());
    }
}
