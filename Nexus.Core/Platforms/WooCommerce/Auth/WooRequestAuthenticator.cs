using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Nexus.Core.Stores;

namespace Nexus.Core.Platforms.WooCommerce.Auth;

/// <summary>
/// Builds authenticated GET requests the way WooCommerce accepts them: HTTP Basic over HTTPS, optionally the
/// query-string keys, and one-legged OAuth 1.0a over plain HTTP (timestamp from the injected clock, random
/// nonce). Secrets only ever go into the outgoing request, never into anything that is logged or thrown.
/// </summary>
public sealed class WooRequestAuthenticator(StoreCredentials credentials, WooAuthMode mode, OAuth1SignatureMethod method, TimeProvider time)
{
    public WooAuthMode EffectiveMode(Uri uri) => mode != WooAuthMode.Auto ? mode
        : uri.Scheme == Uri.UriSchemeHttps ? WooAuthMode.Basic : WooAuthMode.OAuth1;

    public HttpRequestMessage CreateGet(Uri uri)
    {
        switch (EffectiveMode(uri))
        {
            case WooAuthMode.Basic:
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Key}:{credentials.Secret}")));
                return Accepting(request);
            case WooAuthMode.QueryString:
                return Accepting(new HttpRequestMessage(HttpMethod.Get, Append(uri,
                    [new("consumer_key", credentials.Key), new("consumer_secret", credentials.Secret)])));
            default:
                // Query-string OAuth, as WooCommerce documents it; the signature covers the request's own query.
                var oauth = OAuth1Signer.Sign("GET", uri, credentials.Key, credentials.Secret, method, time.GetUtcNow(), Nonce());
                return Accepting(new HttpRequestMessage(HttpMethod.Get, Append(uri, oauth)));
        }
    }

    private static HttpRequestMessage Accepting(HttpRequestMessage request)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static Uri Append(Uri uri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sep = uri.Query.Length > 0 ? "&" : "?";
        return new Uri(uri.AbsoluteUri + sep + string.Join("&", parameters.Select(p => $"{OAuth1Signer.Encode(p.Key)}={OAuth1Signer.Encode(p.Value)}")));
    }

    // A nonce must be unpredictable and single-use, not reproducible: it is the one place randomness is not seeded.
    private static string Nonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
