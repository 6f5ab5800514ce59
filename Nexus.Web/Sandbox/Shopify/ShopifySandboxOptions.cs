namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// How a sandbox store behaves as a Shopify shop (<c>Nexus:Sandbox:Stores:N:Shopify</c>). The defaults are a
/// Standard-plan custom app that was granted every read scope a connector needs.
/// </summary>
public sealed class ShopifySandboxOptions
{
    /// <summary>The Admin API access token a custom app shows once (<c>shpat_…</c>).</summary>
    public string AccessToken { get; set; } = "shpat_sandbox";

    /// <summary>Granted access scopes. Without read_all_orders only the last 60 days of orders are visible.</summary>
    public List<string> Scopes { get; set; } = ["read_orders", "read_all_orders", "read_customers", "read_products"];

    /// <summary>Points the bucket holds; real shops show 20 × the restore rate (Standard: 2,000).</summary>
    public double BucketSize { get; set; } = 2000;

    /// <summary>Points restored per second (Standard 100, Advanced 200, Plus 1,000).</summary>
    public double RestoreRate { get; set; } = 100;

    /// <summary>Released quarterly versions, oldest first. Older requests fall forward to the oldest; unknown ones get 404.</summary>
    public List<string> ApiVersions { get; set; } = ["2025-07", "2025-10", "2026-01", "2026-04", "2026-07", "2026-10"];

    /// <summary>A bulk operation stays CREATED this long before it starts RUNNING.</summary>
    public TimeSpan BulkStartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How fast a running bulk operation gets through objects (it takes at least one second).</summary>
    public int BulkObjectsPerSecond { get; set; } = 20_000;

    /// <summary>The next N bulk operations fail with INTERNAL_SERVER_ERROR and a partial result (fault injection).</summary>
    public int FailBulkOperations { get; set; }
}
