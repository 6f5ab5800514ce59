using System.Net.Http.Headers;
using System.Security.Cryptography;
using Nexus.Core.Platforms.WooCommerce.Auth;
using Nexus.Core.Stores;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>
/// Authenticated GETs as Magento's web API accepts them: an integration's OAuth 1.0a signature (HMAC-SHA256, oauth_version
/// 1.0, access token in oauth_token, signed afresh per attempt because Magento stores every nonce) in the Authorization
/// header, or the access token alone as Bearer. Secrets only go into the outgoing request.
/// </summary>
public sealed class MagentoRequestAuthenticator(StoreCredentials credentials, TimeProvider time)
{
    public bool UsesBearer { get; } = !MagentoCredentials.SignsWithOAuth(credentials);

    public HttpRequestMessage CreateGet(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (UsesBearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials[MagentoCredentials.AccessToken]);
        }
        else
        {
            var oauth = OAuth1Signer.Sign("GET", uri, credentials[MagentoCredentials.ConsumerKey], credentials[MagentoCredentials.ConsumerSecret],
                OAuth1SignatureMethod.HmacSha256, time.GetUtcNow(), Nonce(), credentials[MagentoCredentials.AccessToken],
                credentials[MagentoCredentials.AccessTokenSecret], "1.0");
            request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signer.AuthorizationHeader(oauth));
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    // A nonce must be unpredictable and single-use: the one place randomness is not seeded.
    private static string Nonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
