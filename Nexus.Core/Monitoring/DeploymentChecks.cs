using Microsoft.Extensions.Hosting;

namespace Nexus.Core.Monitoring;

/// <summary>The key-ring and HTTPS checks of <c>validate-deployment</c>, separate so they can be tested without a host.</summary>
public static class DeploymentChecks
{
    /// <summary>Whether a key ring exists to decrypt stored credentials. Its protection at rest is <see cref="Stores.KeyRingProtection.Check"/>.</summary>
    public static DeploymentCheck KeyRingPersisted(string keysFolder)
    {
        var keys = Directory.Exists(keysFolder) ? Directory.GetFiles(keysFolder, "key-*.xml").Length : 0;
        return keys > 0
            ? new DeploymentCheck("Key ring persisted", true, $"{keys} key(s) in the data folder's keys folder")
            : new DeploymentCheck("Key ring persisted", false, "No data-protection key is stored yet. Start the web app once (it creates the key ring in the data folder), and keep that folder on persistent storage.");
    }

    public static DeploymentCheck Https(HostingOptions options, IHostEnvironment environment)
    {
        if (options.RequireHttps) return new DeploymentCheck("HTTPS", true, "Nexus redirects to HTTPS and sends HSTS");
        if (options.ForwardedHeaders) return new DeploymentCheck("HTTPS", true, $"behind a proxy ({string.Join(", ", options.KnownProxies)}) that forwards the scheme");
        var ok = !environment.IsProduction();
        return new DeploymentCheck("HTTPS", ok, ok
            ? $"plain HTTP (acceptable in {environment.EnvironmentName})"
            : "Neither HTTPS nor a TLS-terminating proxy is configured, so sign-in cookies travel in clear text. Set Nexus__Hosting__RequireHttps=true, or Nexus__Hosting__ForwardedHeaders=true with Nexus__Hosting__KnownProxies__0=<proxy IP>.");
    }
}
