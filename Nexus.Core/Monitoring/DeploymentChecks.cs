using Microsoft.Extensions.Hosting;

namespace Nexus.Core.Monitoring;

/// <summary>The key-ring and HTTPS checks of <c>validate-deployment</c>, separate so they can be tested without a host.</summary>
public static class DeploymentChecks
{
    public static IReadOnlyList<DeploymentCheck> KeyRing(string keysFolder, KeyRingOptions options, IHostEnvironment environment)
    {
        var keys = Directory.Exists(keysFolder) ? Directory.GetFiles(keysFolder, "key-*.xml").Length : 0;
        var persisted = keys > 0
            ? new DeploymentCheck("Key ring persisted", true, $"{keys} key(s) in the data folder's keys folder")
            : new DeploymentCheck("Key ring persisted", false, "No data-protection key is stored yet. Start the web app once (it creates the key ring in the data folder), and keep that folder on persistent storage.");
        var protectedOk = options.ProtectedAtRest || !environment.IsProduction();
        var atRest = new DeploymentCheck("Key ring protected at rest", protectedOk,
            options.ProtectedAtRest ? "the keys are encrypted at rest"
            : protectedOk ? $"the keys are stored unencrypted (acceptable in {environment.EnvironmentName}, not in Production)"
            : "The data-protection keys are stored unencrypted. Enable key-ring protection, or keep the keys folder on an encrypted volume and set Nexus__KeyRing__ProtectedAtRest=true.");
        return [persisted, atRest];
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
