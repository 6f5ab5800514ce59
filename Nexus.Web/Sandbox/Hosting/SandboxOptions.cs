using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.Hosting;

/// <summary>The <c>Nexus:Sandbox</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Nexus:Sandbox";
    public bool Enabled { get; set; }
    public List<SandboxStoreOptions> Stores { get; set; } = [];
}

/// <summary>One sandbox store: what to generate, how to authenticate, and how badly to behave.</summary>
public sealed class SandboxStoreOptions
{
    /// <summary>URL segment: /sandbox/{platform}/{name}/...</summary>
    public string Name { get; set; } = "demo-woo";
    public string Platform { get; set; } = "woocommerce";
    public long Seed { get; set; } = 42;
    public SizeProfile Size { get; set; } = SizeProfile.Tiny;
    /// <summary>Custom counts instead of <see cref="Size"/>'s (benchmarks); null = the profile's.</summary>
    public SizeSpec? Spec { get; set; }
    /// <summary>The store clock's start (truncated to midnight UTC). Null: the sandbox TimeProvider's today.</summary>
    public DateTime? StartUtc { get; set; }
    public string? Currency { get; set; }

    public string ConsumerKey { get; set; } = "ck_sandbox";
    public string ConsumerSecret { get; set; } = "cs_sandbox";
    /// <summary>Accept HTTP Basic / query-string keys over plain HTTP (real WooCommerce requires OAuth 1.0a there).</summary>
    public bool AllowBasicOverHttp { get; set; }

    /// <summary>Access token, scopes, cost bucket and bulk-operation pacing when <see cref="Platform"/> is "shopify".</summary>
    public Shopify.ShopifySandboxOptions Shopify { get; set; } = new();

    /// <summary>False keeps the store out of the demo merchant's store list (e.g. while its platform has no connector).</summary>
    public bool RegisterForDemo { get; set; } = true;

    /// <summary>Requests per minute before 429 (token bucket); 0 = unlimited.</summary>
    public int RateLimitPerMinute { get; set; }
    /// <summary>Delay added to every response, on the sandbox TimeProvider.</summary>
    public int LatencyMs { get; set; }
    /// <summary>Probability that a request gets one of <see cref="FaultKinds"/> (seeded by <see cref="Seed"/>).</summary>
    public double FaultRate { get; set; }
    public List<FaultKind> FaultKinds { get; set; } = [];

    /// <summary>Default probability of every defect kind; <see cref="Defects"/> overrides per kind.</summary>
    public double DefectRate { get; set; } = 0.02;
    public Dictionary<DefectKind, double> Defects { get; set; } = [];

    /// <summary>Magento stores only: access token pair, bearer switch, pre-2.4 paging, store codes, ACL gaps.</summary>
    public Magento.MagentoSandboxOptions Magento { get; set; } = new();

    public GenerationOptions ToGenerationOptions(TimeProvider time)
    {
        var rates = DefectRates.Uniform(DefectRate);
        foreach (var (kind, rate) in Defects) rates = rates.With(kind, rate);
        var start = StartUtc is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : time.GetUtcNow().UtcDateTime;
        return new GenerationOptions(Seed, Size, start, rates, Currency, Spec);
    }
}
