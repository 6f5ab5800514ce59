using System.Security.Cryptography;
using System.Text;

namespace Nexus.Core.Monitoring.Notifications;

/// <summary>
/// <c>X-Nexus-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact body bytes with the endpoint's secret.
/// A receiver recomputes it over the raw body and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Nexus-Signature";

    public static string Compute(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(string secret, byte[] body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));

    /// <summary>A new secret: 32 random bytes, shown to the merchant once and then only stored encrypted.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
