using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Nexus.Core.Monitoring;

/// <summary>How Nexus is reached (<c>Nexus:Hosting</c>): terminating TLS itself, or behind a proxy that forwards the scheme.</summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string Section = "Nexus:Hosting";

    /// <summary>Redirect HTTP to HTTPS and send HSTS (Nexus terminates TLS itself).</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Trust X-Forwarded-For/-Proto from <see cref="KnownProxies"/> (Nexus runs behind a reverse proxy that terminates TLS).</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>IP addresses of the proxies allowed to set forwarded headers.</summary>
    public List<string> KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Nexus:Hosting:KnownProxies contains '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }
        if (ForwardedHeaders && KnownProxies.Count == 0)
        {
            yield return new ValidationResult("Nexus:Hosting:ForwardedHeaders is on but Nexus:Hosting:KnownProxies is empty; list the proxy's IP address so nobody else can forge forwarded headers.", [nameof(KnownProxies)]);
        }
    }
}

/// <summary>A feature outside Core that adds its own checks to <c>validate-deployment</c> (e.g. the job storage).</summary>
public interface IDeploymentCheckSource
{
    Task<IReadOnlyList<DeploymentCheck>> CheckAsync(CancellationToken cancellationToken);
}
