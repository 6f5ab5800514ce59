namespace Nexus.Core.Platforms;

/// <summary>Where a connector connects: a registered store's address and credentials.</summary>
public sealed record ConnectorTarget(int StoreId, string BaseUrl, Stores.StoreCredentials Credentials, int RequestsPerMinute = Resilience.RequestBudgetRegistry.DefaultRequestsPerMinute);

/// <summary>Platform id → descriptor. Adding a platform is adding its folder and one registration of its <see cref="PlatformDescriptor"/>.</summary>
public sealed class PlatformRegistry(IEnumerable<PlatformDescriptor> platforms, IServiceProvider services)
{
    private readonly Dictionary<string, PlatformDescriptor> _platforms = platforms.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<PlatformDescriptor> All => _platforms.Values;

    public bool IsKnown(string platform) => _platforms.ContainsKey(platform);

    public PlatformDescriptor? Find(string platform) => _platforms.GetValueOrDefault(platform);

    public PlatformDescriptor Get(string platform) =>
        _platforms.TryGetValue(platform, out var descriptor)
            ? descriptor
            : throw new ArgumentException($"Nexus does not know the platform '{platform}'. Known: {string.Join(", ", _platforms.Keys.Order())}.");

    public IStoreConnector CreateConnector(string platform, ConnectorTarget target) => Get(platform).CreateConnector(services, target);
}
