using System.Security.Cryptography;
using System.Text;

namespace Nexus.Core.Platforms.WooCommerce.Auth;

/// <summary>OAuth 1.0a signature methods WooCommerce accepts.</summary>
public enum OAuth1SignatureMethod { HmacSha1, HmacSha256 }

/// <summary>
/// OAuth 1.0a signatures (RFC 5849 §3.4) shared by the connectors (sign) and the sandboxes (verify), so both
/// sides use one base-string implementation. WooCommerce's one-legged flow has no token: the key is
/// "consumer_secret&amp;". Magento integrations sign with an access token too (oauth_token, key
/// "consumer_secret&amp;token_secret", oauth_version 1.0). Parameters are the query string plus the oauth_* values;
/// the body is never signed.
/// </summary>
public static class OAuth1Signer
{
    public static string MethodName(OAuth1SignatureMethod method) => method == OAuth1SignatureMethod.HmacSha256 ? "HMAC-SHA256" : "HMAC-SHA1";

    public static bool TryParseMethod(string? name, out OAuth1SignatureMethod method)
    {
        method = name switch { "HMAC-SHA256" => OAuth1SignatureMethod.HmacSha256, _ => OAuth1SignatureMethod.HmacSha1 };
        return name is "HMAC-SHA1" or "HMAC-SHA256";
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes; only unreserved characters stay as they are.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length * 3 / 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Base string URI: lower-case scheme and host, port only when not the default, path, no query.</summary>
    public static string BaseUri(Uri uri)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        var defaultPort = (scheme == "http" && uri.Port == 80) || (scheme == "https" && uri.Port == 443);
        var host = uri.Host.ToLowerInvariant();
        return defaultPort ? $"{scheme}://{host}{uri.AbsolutePath}" : $"{scheme}://{host}:{uri.Port}{uri.AbsolutePath}";
    }

    /// <summary>
    /// "METHOD&amp;enc(base-uri)&amp;enc(sorted enc(k)=enc(v) joined by &amp;)". oauth_signature is excluded;
    /// pairs sort by encoded key, then encoded value.
    /// </summary>
    public static string BaseString(string httpMethod, Uri uri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var pairs = parameters
            .Where(p => p.Key != "oauth_signature")
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value);
        return $"{httpMethod.ToUpperInvariant()}&{Encode(BaseUri(uri))}&{Encode(string.Join("&", pairs))}";
    }

    public static string Signature(string baseString, OAuth1SignatureMethod method, string consumerSecret, string? tokenSecret = null)
    {
        var key = Encoding.UTF8.GetBytes(Encode(consumerSecret) + "&" + Encode(tokenSecret ?? ""));
        var data = Encoding.UTF8.GetBytes(baseString);
        var mac = method == OAuth1SignatureMethod.HmacSha256 ? HMACSHA256.HashData(key, data) : HMACSHA1.HashData(key, data);
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// Signs a request: returns the oauth_* parameters (including oauth_signature) to add to the query string
    /// or an Authorization header. <paramref name="uri"/>'s own query parameters are part of the signature.
    /// </summary>
    /// <param name="token">The access token (three-legged / Magento integrations); null for WooCommerce's one-legged flow.</param>
    /// <param name="tokenSecret">The access token's secret, the second half of the signing key.</param>
    /// <param name="version">Sent as oauth_version when set (Magento's own client sends "1.0"; WooCommerce wants none).</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Sign(
        string httpMethod, Uri uri, string consumerKey, string consumerSecret, OAuth1SignatureMethod method,
        DateTimeOffset timestamp, string nonce, string? token = null, string? tokenSecret = null, string? version = null)
    {
        var oauth = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", consumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", MethodName(method)),
            new("oauth_timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (token is not null) oauth.Add(new("oauth_token", token));
        if (version is not null) oauth.Add(new("oauth_version", version));
        var all = QueryParameters(uri).Concat(oauth);
        oauth.Add(new("oauth_signature", Signature(BaseString(httpMethod, uri, all), method, consumerSecret, tokenSecret)));
        return oauth;
    }

    /// <summary>Checks a received signature in constant time against the one computed from the same parameters.</summary>
    public static bool Verify(string httpMethod, Uri uri, IEnumerable<KeyValuePair<string, string>> parameters,
        string signature, OAuth1SignatureMethod method, string consumerSecret, string? tokenSecret = null)
    {
        var expected = Signature(BaseString(httpMethod, uri, parameters), method, consumerSecret, tokenSecret);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>Authorization header value: OAuth k="v", ... with encoded values.</summary>
    public static string AuthorizationHeader(IEnumerable<KeyValuePair<string, string>> oauthParameters)
        => "OAuth " + string.Join(", ", oauthParameters.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));

    /// <summary>Decoded query parameters of a URI (a '+' is a space, as in form encoding).</summary>
    public static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0) yield break;
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            yield return new(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }

    /// <summary>Parses an "OAuth k="v", ..." header into decoded pairs (realm is not a signed parameter).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseAuthorizationHeader(string header)
    {
        var result = new List<KeyValuePair<string, string>>();
        var body = header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase) ? header[6..] : header;
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var key = Uri.UnescapeDataString(part[..eq].Trim());
            var value = Uri.UnescapeDataString(part[(eq + 1)..].Trim().Trim('"'));
            if (key != "realm") result.Add(new(key, value));
        }
        return result;
    }
}
