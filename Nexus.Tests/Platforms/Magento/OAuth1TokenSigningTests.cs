using Nexus.Core.Platforms.WooCommerce.Auth;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>The token (three-legged) form of the shared signer, which Magento integrations use.</summary>
public class OAuth1TokenSigningTests
{
    [Fact]
    public void Signature_with_token_matches_the_OAuth_Core_1_0_appendix_A_example()
    {
        // OAuth Core 1.0, Appendix A.5.1-A.5.3: the photos.example.net request signed with HMAC-SHA1.
        var oauth = OAuth1Signer.Sign("GET", new Uri("http://photos.example.net/photos?file=vacation.jpg&size=original"),
            "dpf43f3p2l4k3l03", "kd94hf93k423kf44", OAuth1SignatureMethod.HmacSha1, DateTimeOffset.FromUnixTimeSeconds(1191242096),
            "kllo9940pd9333jh", token: "nnch734d00sl2jdk", tokenSecret: "pfkkdhi9sl3r4s00", version: "1.0");

        Assert.Equal("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", oauth.Single(p => p.Key == "oauth_signature").Value);
        Assert.Equal("nnch734d00sl2jdk", oauth.Single(p => p.Key == "oauth_token").Value);
        Assert.Equal("1.0", oauth.Single(p => p.Key == "oauth_version").Value);
    }

    [Fact]
    public void Verify_needs_the_token_secret_the_request_was_signed_with()
    {
        var uri = new Uri("http://127.0.0.1:5000/rest/default/V1/orders?searchCriteria[pageSize]=2");
        var oauth = OAuth1Signer.Sign("GET", uri, "ck", "cs", OAuth1SignatureMethod.HmacSha256, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "n1", "at", "ats");
        var signed = OAuth1Signer.QueryParameters(uri).Concat(oauth.Where(p => p.Key != "oauth_signature")).ToList();
        var signature = oauth.Single(p => p.Key == "oauth_signature").Value;

        Assert.True(OAuth1Signer.Verify("GET", uri, signed, signature, OAuth1SignatureMethod.HmacSha256, "cs", "ats"));
        Assert.False(OAuth1Signer.Verify("GET", uri, signed, signature, OAuth1SignatureMethod.HmacSha256, "cs", "other"));
        Assert.False(OAuth1Signer.Verify("GET", uri, signed, signature, OAuth1SignatureMethod.HmacSha256, "cs"));
    }
}
