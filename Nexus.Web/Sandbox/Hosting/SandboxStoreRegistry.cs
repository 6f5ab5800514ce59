using System.Collections.Concurrent;

namespace Nexus.Web.Sandbox.Hosting;

/// <summary>Sandbox stores by (platform, name). A singleton; tests add stores directly.</summary>
public sealed class SandboxStoreRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Platform, string Name), SandboxStoreHost> _stores = new();

    public TimeProvider Time => time;

    public SandboxStoreHost Add(SandboxStoreOptions options)
    {
        var host = new SandboxStoreHost(options, time);
        var key = (options.Platform.ToLowerInvariant(), options.Name);
        if (!_stores.TryAdd(key, host))
            throw new InvalidOperationException($"A sandbox store named '{options.Name}' already exists for {options.Platform}.");
        return host;
    }

    public SandboxStoreHost? Find(string platform, string name)
        => _stores.TryGetValue((platform.ToLowerInvariant(), name), out var host) ? host : null;

    public IReadOnlyCollection<SandboxStoreHost> All => _stores.Values.ToArray();
}
