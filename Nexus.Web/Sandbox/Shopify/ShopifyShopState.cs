using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>What a sandbox store keeps as a Shopify shop between requests: its cost bucket and bulk operations.</summary>
public sealed class ShopifyShopState
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SandboxStoreHost, ShopifyShopState> States = new();

    private ShopifyShopState(SandboxStoreHost host)
    {
        Host = host;
        Options = host.Options.Shopify;
        Bucket = new LeakyBucket(Options.BucketSize, Options.RestoreRate, host.Time);
        Bulk = new ShopifyBulkOperations(this);
    }

    /// <summary>The shop state of a sandbox store, created on first use and living as long as the store.</summary>
    public static ShopifyShopState Of(SandboxStoreHost host) => States.GetValue(host, h => new ShopifyShopState(h));

    public SandboxStoreHost Host { get; }
    public ShopifySandboxOptions Options { get; }
    public LeakyBucket Bucket { get; }
    public ShopifyBulkOperations Bulk { get; }
}
