using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms;

/// <summary>What a platform tells the merchant to do about each transport failure of a connection test.</summary>
public sealed record TransportFailureFixes(string Redirect, string BlockedAddress, string HostNotFound, string Tls, string Unreachable, string Timeout);

/// <summary>
/// The failures every connection test can hit before the platform says anything (a refused redirect, a private
/// address, DNS, TLS, nothing listening, no answer in time), worded once; each platform supplies only its fixes.
/// </summary>
public static class ConnectionTestTransport
{
    /// <summary>The fixes for a shop on its own domain.</summary>
    public static TransportFailureFixes OwnDomainFixes { get; } = new(
        Redirect: "Enter the address the shop redirects to (usually its https:// address) and test again.",
        BlockedAddress: "Enter the shop's public address (e.g. https://shop.example.com).",
        HostNotFound: "Check the store address for typos; it must be the public address of the shop.",
        Tls: "Renew or fix the site's SSL certificate (your host can help), then test again.",
        Unreachable: "Check the address and port, that the site is online, and that its firewall allows outside connections.",
        Timeout: "The site may be overloaded or a firewall may drop our requests; check that it loads in a browser, then test again.");

    /// <summary>
    /// The result for <paramref name="exception"/> when it is a transport failure, else null (the platform's own
    /// handling applies). <paramref name="timedOut"/>: the test's own timeout fired, not the caller's cancellation.
    /// </summary>
    public static ConnectionTestResult? Explain(Exception exception, Uri address, TimeSpan timeout, bool timedOut, TransportFailureFixes fixes)
    {
        var host = address.Authority;
        return exception switch
        {
            RedirectRefusedException redirect => ConnectionTestResult.Failed(redirect.Message, fixes.Redirect),
            HttpRequestException { InnerException: BlockedAddressException blocked } => ConnectionTestResult.Failed($"Refused: {blocked.Message}", fixes.BlockedAddress),
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } =>
                ConnectionTestResult.Failed($"Host not found: no DNS entry for {address.Host}.", fixes.HostNotFound),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
                ConnectionTestResult.Failed($"The secure (TLS) connection to {host} failed: its certificate is invalid, expired or for another name.", fixes.Tls),
            HttpRequestException => ConnectionTestResult.Failed($"Unreachable: nothing accepted the connection at {host}.", fixes.Unreachable),
            OperationCanceledException when timedOut =>
                ConnectionTestResult.Failed($"Timeout: {host} did not answer within {timeout.TotalSeconds:0} seconds.", fixes.Timeout),
            _ => null,
        };
    }
}
