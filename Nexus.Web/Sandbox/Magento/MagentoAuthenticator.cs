using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Platforms.WooCommerce.Auth;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>
/// Magento web API authentication as 2.4 does it, with Magento's own messages:
/// <list type="bullet">
/// <item><c>Authorization: OAuth …</c>: an integration signing with all four credentials. Protocol checks come first
/// (oauth_version 1.0 if sent, required parameters, signature method HMAC-SHA1/HMAC-SHA256, timestamp at most 10 min in
/// the future, nonce single-use per consumer), then the consumer, token and signature (query parameters signed, body not).</item>
/// <item><c>Authorization: Bearer …</c>: an admin token, or the integration's access token when
/// <see cref="MagentoSandboxOptions.AcceptIntegrationTokenAsBearer"/> is on. Any other token (and no header at all) leaves
/// the caller a guest, which the ACL then refuses with the %resources message, exactly as a real store answers.</item>
/// </list>
/// </summary>
public static class MagentoAuthenticator
{
    private const long MaxFutureSkewSeconds = 600; // Magento's Nonce\Generator::TIME_DEVIATION
    private static readonly string[] Required = ["oauth_consumer_key", "oauth_signature", "oauth_signature_method", "oauth_nonce", "oauth_timestamp", "oauth_token"];

    /// <summary>Null when the caller may use <paramref name="resource"/>, otherwise the error to send.</summary>
    public static MagentoError? Authenticate(HttpRequest request, SandboxStoreHost host, string resource)
    {
        var magento = host.Options.Magento;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header[7..].Trim();
            if (magento.AdminToken is { Length: > 0 } admin && Same(token, admin)) return null; // admins pass every ACL
            return Same(token, magento.AccessToken) && magento.AcceptIntegrationTokenAsBearer
                ? Acl(magento, resource)
                : MagentoError.NotAuthorized(resource);
        }
        if (!header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)) return MagentoError.NotAuthorized(resource);

        var oauth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in OAuth1Signer.ParseAuthorizationHeader(header)) oauth[k] = v;
        if (oauth.TryGetValue("oauth_version", out var version) && version != "1.0")
            return new MagentoError(400, "The \"%1\" Oauth version isn't supported.", new[] { version });
        if (Required.FirstOrDefault(r => !oauth.ContainsKey(r)) is { } missing) return MagentoError.Required(missing);
        if (!OAuth1Signer.TryParseMethod(oauth["oauth_signature_method"], out var method))
            return new MagentoError(400, "Signature method %1 is not supported", new[] { oauth["oauth_signature_method"] });
        if (!Same(oauth["oauth_consumer_key"], host.Options.ConsumerKey))
            return new MagentoError(401, "A consumer having the specified key does not exist");

        var now = host.Time.GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(oauth["oauth_timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || timestamp <= 0 || timestamp > now + MaxFutureSkewSeconds)
            return new MagentoError(401, "Incorrect timestamp value in the oauth_timestamp parameter");
        // Magento stores the nonce before it checks the signature: a replayed nonce fails even with a valid signature.
        if (!host.Nonces.TryUse(host.Options.ConsumerKey, oauth["oauth_nonce"], host.Time.GetUtcNow()))
            return new MagentoError(401, "The nonce is already being used by the consumer with ID %1", new[] { "1" });
        if (!Same(oauth["oauth_token"], magento.AccessToken))
            return new MagentoError(401, "The token is not associated with the specified consumer.");

        var uri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        var signed = OAuth1Signer.QueryParameters(uri).Concat(oauth.Where(p => p.Key != "oauth_signature"));
        if (!OAuth1Signer.Verify(request.Method, uri, signed, oauth["oauth_signature"], method, host.Options.ConsumerSecret, magento.AccessTokenSecret))
            return new MagentoError(401, "The signature is invalid. Verify and try again.");
        return Acl(magento, resource);
    }

    private static MagentoError? Acl(MagentoSandboxOptions magento, string resource) =>
        magento.DeniedResources.Contains(resource, StringComparer.Ordinal) ? MagentoError.NotAuthorized(resource) : null;

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
