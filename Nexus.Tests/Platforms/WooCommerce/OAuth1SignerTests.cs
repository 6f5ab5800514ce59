using Nexus.Core.Platforms.WooCommerce.Auth;

namespace Nexus.Tests.Platforms.WooCommerce;

public class OAuth1SignerTests
{
    [Fact]
    public void Signature_matches_the_published_Twitter_HMAC_SHA1_example()
    {
        // developer.twitter.com "Creating a signature" (OAuth 1.0a) worked example.
        var uri = new Uri("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");
        var parameters = OAuth1Signer.QueryParameters(uri).Concat(new Dictionary<string, string>
        {
            ["status"] = "Hello Ladies + Gentlemen, a signed OAuth request!",
            ["oauth_consumer_key"] = "xvz1evFS4wEEPTGEFPHBog",
            ["oauth_nonce"] = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "1318622958",
            ["oauth_token"] = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            ["oauth_version"] = "1.0",
        });
        var baseString = OAuth1Signer.BaseString("post", uri, parameters);
        var signature = OAuth1Signer.Signature(baseString, OAuth1SignatureMethod.HmacSha1,
            "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
        Assert.Equal("hCtSmYh+iHYCEqBWrE7C7hYmtUk=", signature);
    }

    [Fact]
    public void Base_string_matches_RFC_5849_section_3_4_1_1_example()
    {
        // RFC 5849 §3.4.1.1: query, form body and header parameters; duplicate keys sort by value.
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var parameters = OAuth1Signer.QueryParameters(uri).Concat(new KeyValuePair<string, string>[]
        {
            new("c2", ""), new("a3", "2 q"),
            new("oauth_consumer_key", "9djdj82h48djs9d2"), new("oauth_token", "kkk9d7dh3k39sjv7"),
            new("oauth_signature_method", "HMAC-SHA1"), new("oauth_timestamp", "137131201"),
            new("oauth_nonce", "7d8f3e4a"), new("oauth_signature", "ignored"),
        });
        Assert.Equal(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
            OAuth1Signer.BaseString("POST", uri, parameters));
    }

    [Theory]
    [InlineData(OAuth1SignatureMethod.HmacSha1)]
    [InlineData(OAuth1SignatureMethod.HmacSha256)]
    public void Sign_then_verify_round_trips_and_rejects_a_changed_query(OAuth1SignatureMethod method)
    {
        var uri = new Uri("http://127.0.0.1:5000/wp-json/wc/v3/orders?per_page=100&page=2");
        var oauth = OAuth1Signer.Sign("GET", uri, "ck_1", "cs_1", method, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "abc");
        var signature = oauth.Single(p => p.Key == "oauth_signature").Value;
        var signed = OAuth1Signer.QueryParameters(uri).Concat(oauth);

        Assert.True(OAuth1Signer.Verify("GET", uri, signed, signature, method, "cs_1"));
        var changed = new Uri("http://127.0.0.1:5000/wp-json/wc/v3/orders?per_page=100&page=3");
        Assert.False(OAuth1Signer.Verify("GET", changed, OAuth1Signer.QueryParameters(changed).Concat(oauth), signature, method, "cs_1"));
        Assert.False(OAuth1Signer.Verify("GET", uri, signed, signature, method, "cs_other"));
    }

    [Fact]
    public void Sha256_signature_is_independent_HMAC_of_the_base_string()
    {
        var baseString = "GET&http%3A%2F%2Fh%2Fp&a%3D1";
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("secret&"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(baseString)));
        Assert.Equal(expected, OAuth1Signer.Signature(baseString, OAuth1SignatureMethod.HmacSha256, "secret"));
    }
}
