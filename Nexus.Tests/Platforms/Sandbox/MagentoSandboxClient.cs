using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Web.Sandbox.Magento;
using Nexus.Core.Platforms.WooCommerce.Auth;

namespace Nexus.Tests.Platforms.Sandbox;

/// <summary>Requests against a Magento sandbox store on <see cref="SandboxServer"/>, signed the way a Magento integration signs.</summary>
internal static class MagentoSandboxClient
{
    public const string ConsumerKey = "mck_test", ConsumerSecret = "mcs_test", AccessToken = "mat_test", AccessTokenSecret = "mats_test";
    private static int _nonce;

    public static SandboxStoreOptions Store(string name, long seed = 7, Action<MagentoSandboxOptions>? configure = null)
    {
        var magento = new MagentoSandboxOptions { AccessToken = AccessToken, AccessTokenSecret = AccessTokenSecret };
        configure?.Invoke(magento);
        return new SandboxStoreOptions
        {
            Name = name, Platform = "magento", Seed = seed, Size = SizeProfile.Tiny, StartUtc = SandboxServer.Start.UtcDateTime,
            Currency = "GBP", ConsumerKey = ConsumerKey, ConsumerSecret = ConsumerSecret, Magento = magento,
        };
    }

    public static string Api(string store, string resource, string storeCode = "default") => $"/sandbox/magento/{store}/rest/{storeCode}/V1/{resource}";

    /// <summary>searchCriteria query string: pageSize/currentPage, sort orders, and (field, value, condition) filters each in its own group.</summary>
    public static string Criteria(int? pageSize = null, int? page = null, (string Field, string Direction)[]? sorts = null, (string Field, string Value, string Condition)[]? filters = null)
    {
        var parts = new List<string>();
        if (pageSize is { } size) parts.Add($"searchCriteria[pageSize]={size}");
        if (page is { } p) parts.Add($"searchCriteria[currentPage]={p}");
        for (var k = 0; k < (sorts?.Length ?? 0); k++)
        {
            parts.Add($"searchCriteria[sortOrders][{k}][field]={sorts![k].Field}");
            parts.Add($"searchCriteria[sortOrders][{k}][direction]={sorts[k].Direction}");
        }
        for (var g = 0; g < (filters?.Length ?? 0); g++)
        {
            parts.Add($"searchCriteria[filter_groups][{g}][filters][0][field]={filters![g].Field}");
            parts.Add($"searchCriteria[filter_groups][{g}][filters][0][value]={Uri.EscapeDataString(filters[g].Value)}");
            parts.Add($"searchCriteria[filter_groups][{g}][filters][0][condition_type]={filters[g].Condition}");
        }
        return parts.Count == 0 ? "searchCriteria=" : string.Join("&", parts);
    }

    /// <summary>GET signed with OAuth 1.0a (HMAC-SHA256 by default) in the Authorization header, as Magento reads it.</summary>
    public static Task<HttpResponseMessage> GetSignedAsync(this SandboxServer server, string url, OAuth1SignatureMethod method = OAuth1SignatureMethod.HmacSha256,
        string consumerSecret = ConsumerSecret, string tokenSecret = AccessTokenSecret, string? nonce = null, DateTimeOffset? timestamp = null, string token = AccessToken)
    {
        var uri = new Uri(server.BaseUri, url);
        var oauth = OAuth1Signer.Sign("GET", uri, ConsumerKey, consumerSecret, method, timestamp ?? server.Time.GetUtcNow(),
            nonce ?? $"m{Interlocked.Increment(ref _nonce)}", token, tokenSecret, "1.0");
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signer.AuthorizationHeader(oauth));
        return server.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetBearerAsync(this SandboxServer server, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return server.Http.SendAsync(request);
    }

    public static async Task<JsonElement> SignedJsonAsync(this SandboxServer server, string url)
    {
        using var response = await server.GetSignedAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await SandboxServer.JsonAsync(response);
    }
}
