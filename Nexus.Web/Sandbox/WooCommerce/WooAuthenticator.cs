using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Platforms.WooCommerce.Auth;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>
/// WooCommerce REST authentication as the plugin does it: over HTTPS, HTTP Basic or consumer_key/secret in
/// the query string; over plain HTTP, one-legged OAuth 1.0a (HMAC-SHA1/256, ±15 min timestamp, single-use
/// nonce, params in query or Authorization header, body unsigned) unless the store allows Basic over HTTP.
/// Messages are WooCommerce's own, so a connector's error handling is tested against the real strings.
/// </summary>
public static class WooAuthenticator
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly string[] Required = ["oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp"];

    /// <summary>Null when the request is authenticated, otherwise the error to send.</summary>
    public static WooError? Authenticate(HttpRequest request, SandboxStoreHost host, bool isList)
    {
        var options = host.Options;
        if (request.IsHttps || options.AllowBasicOverHttp)
        {
            if (TryBasic(request, out var key, out var secret))
                return CheckKeyAndSecret(options, key, secret);
            if (request.IsHttps) return WooError.CannotView(isList);
        }

        var oauth = OAuthParameters(request);
        if (oauth.Count == 0) return WooError.CannotView(isList);
        var missing = Required.Where(r => !oauth.ContainsKey(r)).ToArray();
        if (missing.Length > 0) return WooError.Authentication($"Missing OAuth parameter {string.Join(", ", missing)}");
        if (!string.Equals(oauth["oauth_consumer_key"], options.ConsumerKey, StringComparison.Ordinal))
            return WooError.Authentication("Consumer key is invalid.");
        if (!OAuth1Signer.TryParseMethod(oauth["oauth_signature_method"], out var method))
            return WooError.Authentication("Invalid signature - signature method is invalid.");

        // Signed parameters: the query string (minus the signature) plus header oauth_* values; never the body.
        var signed = OAuth1Signer.QueryParameters(RequestUri(request)).Where(p => p.Key != "oauth_signature").ToList();
        if (request.Headers.Authorization.ToString().StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase))
            signed.AddRange(oauth.Where(p => p.Key != "oauth_signature"));
        var signature = oauth["oauth_signature"].Replace(' ', '+'); // a raw '+' in a query string arrives as a space
        if (!OAuth1Signer.Verify(request.Method, RequestUri(request), signed, signature, method, options.ConsumerSecret))
            return WooError.Authentication("Invalid signature - provided signature does not match.");

        var now = host.Time.GetUtcNow();
        if (!long.TryParse(oauth["oauth_timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var ts)
            || Math.Abs(now.ToUnixTimeSeconds() - ts) > Window.TotalSeconds)
            return WooError.Authentication("Invalid timestamp.");
        if (!host.Nonces.TryUse(options.ConsumerKey, oauth["oauth_nonce"], now))
            return WooError.Authentication("Invalid nonce - nonce has already been used.");
        return null;
    }

    /// <summary>The URI the client addressed, as the signature base string sees it.</summary>
    public static Uri RequestUri(HttpRequest request)
        => new($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");

    private static WooError? CheckKeyAndSecret(SandboxStoreOptions options, string key, string secret)
    {
        if (!string.Equals(key, options.ConsumerKey, StringComparison.Ordinal)) return WooError.Authentication("Consumer key is invalid.");
        if (!string.Equals(secret, options.ConsumerSecret, StringComparison.Ordinal)) return WooError.Authentication("Consumer secret is invalid.");
        return null;
    }

    private static bool TryBasic(HttpRequest request, out string key, out string secret)
    {
        key = secret = "";
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
            catch (FormatException) { return false; } // not Basic credentials at all: treated as absent, like PHP's PHP_AUTH_USER
            var colon = decoded.IndexOf(':');
            if (colon < 0) return false;
            key = decoded[..colon];
            secret = decoded[(colon + 1)..];
            return true;
        }
        if (request.Query.TryGetValue("consumer_key", out var k) && request.Query.TryGetValue("consumer_secret", out var s))
        {
            key = k.ToString();
            secret = s.ToString();
            return true;
        }
        return false;
    }

    private static Dictionary<string, string> OAuthParameters(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        IEnumerable<KeyValuePair<string, string>> source = header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)
            ? OAuth1Signer.ParseAuthorizationHeader(header)
            : OAuth1Signer.QueryParameters(RequestUri(request));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in source)
            if (k.StartsWith("oauth_", StringComparison.Ordinal)) result[k] = v;
        return result;
    }
}
