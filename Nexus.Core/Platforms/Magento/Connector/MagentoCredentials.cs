using Nexus.Core.Stores;

namespace Nexus.Core.Platforms.Magento.Connector;

/// <summary>
/// The credential fields of a Magento store. An integration signs every request with OAuth 1.0a using all four values;
/// an admin token, or an integration token on a store that allows it, is the access token alone, sent as Bearer.
/// </summary>
public static class MagentoCredentials
{
    public const string ConsumerKey = "consumer_key";
    public const string ConsumerSecret = "consumer_secret";
    public const string AccessToken = "access_token";
    public const string AccessTokenSecret = "access_token_secret";
    public const string StoreCode = "store_code";
    public const string DefaultStoreCode = "default";

    private static readonly string[] SigningFields = [ConsumerKey, ConsumerSecret, AccessTokenSecret];

    /// <summary>True when the consumer key is given: the store gets OAuth 1.0a signatures, not a Bearer token.</summary>
    public static bool SignsWithOAuth(StoreCredentials credentials) => credentials[ConsumerKey].Length > 0;

    public static string StoreCodeOf(StoreCredentials credentials) => credentials[StoreCode].Trim() is { Length: > 0 } code ? code : DefaultStoreCode;

    /// <summary>All three signing values or none of them (then the access token is sent alone as Bearer).</summary>
    public static IEnumerable<string> Check(StoreCredentials credentials)
    {
        var missing = SigningFields.Where(f => credentials[f].Length == 0).ToArray();
        if (missing.Length is > 0 and < 3)
            yield return $"Enter all four integration credentials, or only the access token to send it as a Bearer token; missing: {string.Join(", ", missing)}.";
    }
}
