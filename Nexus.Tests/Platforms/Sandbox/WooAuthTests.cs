using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Web.Sandbox.WooCommerce;
using Nexus.Core.Platforms.WooCommerce.Auth;

namespace Nexus.Tests.Platforms.Sandbox;

public class WooAuthTests
{
    private const string Orders = "/sandbox/woocommerce/a/wp-json/wc/v3/orders?per_page=5";

    private static async Task<(HttpStatusCode Status, string? Code, string? Message)> ErrorOf(HttpResponseMessage response)
    {
        var json = await SandboxServer.JsonAsync(response);
        return response.IsSuccessStatusCode
            ? (response.StatusCode, null, null)
            : (response.StatusCode, json.GetProperty("code").GetString(), json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(false, OAuth1SignatureMethod.HmacSha256)]
    [InlineData(true, OAuth1SignatureMethod.HmacSha256)]
    [InlineData(false, OAuth1SignatureMethod.HmacSha1)]
    [InlineData(true, OAuth1SignatureMethod.HmacSha1)]
    public async Task OAuth_signed_requests_over_http_succeed(bool inHeader, OAuth1SignatureMethod method)
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("a", basic: false));
        using var response = await server.GetOAuthAsync(Orders, inHeader, method);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await SandboxServer.JsonAsync(response)).GetArrayLength());
    }

    [Fact]
    public async Task OAuth_failures_get_WooCommerce_errors()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("a", basic: false));
        const string auth = "woocommerce_rest_authentication_error";

        Assert.Equal((HttpStatusCode.Unauthorized, auth, "Consumer key is invalid."), await ErrorOf(await server.GetOAuthAsync(Orders, key: "ck_wrong")));
        Assert.Equal((HttpStatusCode.Unauthorized, auth, "Invalid signature - provided signature does not match."),
            await ErrorOf(await server.GetOAuthAsync(Orders, secret: "cs_wrong")));
        Assert.Equal((HttpStatusCode.Unauthorized, auth, "Invalid signature - provided signature does not match."),
            await ErrorOf(await server.GetOAuthAsync(Orders, tamper: u => u.Replace("per_page=5", "per_page=6"))));
        Assert.Equal((HttpStatusCode.Unauthorized, auth, "Invalid timestamp."),
            await ErrorOf(await server.GetOAuthAsync(Orders, timestamp: server.Time.GetUtcNow().AddMinutes(-16))));

        using var first = await server.GetOAuthAsync(Orders, nonce: "once");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, auth, "Invalid nonce - nonce has already been used."),
            await ErrorOf(await server.GetOAuthAsync(Orders, nonce: "once")));

        // A timestamp 14 minutes old is still inside the window; the sandbox clock, not the wall clock, decides.
        server.Time.Advance(TimeSpan.FromMinutes(14));
        using var late = await server.GetOAuthAsync(Orders, timestamp: server.Time.GetUtcNow().AddMinutes(-14));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
    }

    [Fact]
    public async Task Basic_over_plain_http_is_refused_unless_the_store_allows_it()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("a", basic: false), SandboxServer.Store("b", basic: true));
        Assert.Equal((HttpStatusCode.Unauthorized, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources."),
            await ErrorOf(await server.GetBasicAsync(Orders)));
        using var allowed = await server.GetBasicAsync(Orders.Replace("/a/", "/b/"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "woocommerce_rest_authentication_error", "Consumer key is invalid."),
            await ErrorOf(await server.GetBasicAsync(Orders.Replace("/a/", "/b/"), key: "ck_nope")));
        Assert.Equal((HttpStatusCode.Unauthorized, "woocommerce_rest_authentication_error", "Consumer secret is invalid."),
            await ErrorOf(await server.GetBasicAsync(Orders.Replace("/a/", "/b/"), secret: "cs_nope")));
        using var anonymous = await server.Http.GetAsync(Orders);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("Basic", null)]
    [InlineData("query", null)]
    [InlineData("Basic-wrong", "Consumer secret is invalid.")]
    public void Over_https_Basic_or_query_keys_authenticate_without_the_knob(string mode, string? expectedMessage)
    {
        var registry = new SandboxStoreRegistry(TimeProvider.System);
        var host = registry.Add(SandboxServer.Store("h", basic: false));
        var http = new DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("shop.example");
        http.Request.Path = "/wp-json/wc/v3/orders";
        if (mode == "query") http.Request.QueryString = new QueryString("?consumer_key=ck_test&consumer_secret=cs_test");
        else
        {
            var secret = mode == "Basic" ? "cs_test" : "cs_bad";
            http.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ck_test:" + secret));
        }
        Assert.Equal(expectedMessage, WooAuthenticator.Authenticate(http.Request, host, isList: true)?.Message);
    }
}
