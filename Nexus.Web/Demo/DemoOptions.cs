namespace Nexus.Web.Demo;

/// <summary>Demo mode (<c>Nexus:Demo</c>): seeds a demo merchant and ops user so a first start can be tried at once. Refused in Production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Nexus:Demo";

    public bool Enabled { get; set; }

    public string MerchantEmail { get; set; } = "merchant@nexus.demo";

    public string OpsEmail { get; set; } = "ops@nexus.demo";

    public string Password { get; set; } = "";

    /// <summary>
    /// Request budget for the demo's sandbox stores. They run inside this app, so the 300/minute a real WooCommerce
    /// host tolerates would only make the demo slow.
    /// </summary>
    public int SandboxRequestsPerMinute { get; set; } = 6000;
}
