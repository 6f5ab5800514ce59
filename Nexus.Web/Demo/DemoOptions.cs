namespace Nexus.Web.Demo;

/// <summary>Demo mode (<c>Nexus:Demo</c>): seeds a demo merchant and ops user so a first start can be tried at once. Refused in Production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Nexus:Demo";

    public bool Enabled { get; set; }

    public string MerchantEmail { get; set; } = "merchant@nexus.demo";

    public string OpsEmail { get; set; } = "ops@nexus.demo";

    public string Password { get; set; } = "";
}
