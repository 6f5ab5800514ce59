using System.Net;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.WooCommerce.Auth;
using static Nexus.Tests.Platforms.Sandbox.MagentoSandboxClient;

namespace Nexus.Tests.Platforms.Sandbox;

public class MagentoSandboxAuthTests
{
    private static readonly string Orders = Api("m", "orders?" + Criteria(pageSize: 1));

    private static async Task<(HttpStatusCode Status, string? Message, string Raw)> Read(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, MagentoErrorMessage.TryRender(System.Text.Encoding.UTF8.GetBytes(raw)), raw);
    }

    [Theory]
    [InlineData(OAuth1SignatureMethod.HmacSha256)]
    [InlineData(OAuth1SignatureMethod.HmacSha1)]
    public async Task Integration_signing_with_all_four_credentials_is_accepted(OAuth1SignatureMethod method)
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));

        using var response = await server.GetSignedAsync(Orders, method);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await SandboxServer.JsonAsync(response)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Wrong_consumer_secret_or_token_secret_is_an_invalid_signature()
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));

        var wrongConsumer = await Read(await server.GetSignedAsync(Orders, consumerSecret: "nope"));
        var wrongToken = await Read(await server.GetSignedAsync(Orders, tokenSecret: "nope"));

        Assert.Equal((HttpStatusCode.Unauthorized, "The signature is invalid. Verify and try again."), (wrongConsumer.Status, wrongConsumer.Message));
        Assert.Equal((HttpStatusCode.Unauthorized, "The signature is invalid. Verify and try again."), (wrongToken.Status, wrongToken.Message));
    }

    [Fact]
    public async Task A_signature_over_another_query_is_refused()
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));
        var uri = new Uri(server.BaseUri, Orders);
        var oauth = OAuth1Signer.Sign("GET", uri, ConsumerKey, ConsumerSecret, OAuth1SignatureMethod.HmacSha256, server.Time.GetUtcNow(), "tamper-1", AccessToken, AccessTokenSecret, "1.0");
        var request = new HttpRequestMessage(HttpMethod.Get, uri.AbsoluteUri.Replace("pageSize%5D=1", "pageSize%5D=100").Replace("pageSize]=1", "pageSize]=100"));
        request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signer.AuthorizationHeader(oauth));

        var (status, message, _) = await Read(await server.Http.SendAsync(request));

        Assert.Equal((HttpStatusCode.Unauthorized, "The signature is invalid. Verify and try again."), (status, message));
    }

    [Fact]
    public async Task A_nonce_is_single_use_even_with_a_valid_signature()
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));

        using var first = await server.GetSignedAsync(Orders, nonce: "same-nonce");
        var replay = await Read(await server.GetSignedAsync(Orders, nonce: "same-nonce"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "The nonce is already being used by the consumer with ID 1"), (replay.Status, replay.Message));
    }

    [Fact]
    public async Task Timestamps_more_than_ten_minutes_ahead_are_refused_old_ones_are_not()
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));

        var ahead = await Read(await server.GetSignedAsync(Orders, timestamp: server.Time.GetUtcNow().AddMinutes(11)));
        using var old = await server.GetSignedAsync(Orders, timestamp: server.Time.GetUtcNow().AddHours(-3));

        Assert.Equal((HttpStatusCode.Unauthorized, "Incorrect timestamp value in the oauth_timestamp parameter"), (ahead.Status, ahead.Message));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Missing_oauth_token_names_the_parameter()
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));
        var uri = new Uri(server.BaseUri, Orders);
        var oauth = OAuth1Signer.Sign("GET", uri, ConsumerKey, ConsumerSecret, OAuth1SignatureMethod.HmacSha256, server.Time.GetUtcNow(), "no-token");
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signer.AuthorizationHeader(oauth));

        var (status, message, _) = await Read(await server.Http.SendAsync(request));

        Assert.Equal((HttpStatusCode.BadRequest, "\"oauth_token\" is required. Enter and try again."), (status, message));
    }

    [Fact]
    public async Task Integration_token_as_bearer_is_refused_by_default_with_magentos_acl_body()
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));

        var (status, message, raw) = await Read(await server.GetBearerAsync(Orders, AccessToken));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("""{"message":"The consumer isn't authorized to access %resources.","parameters":{"resources":"Magento_Sales::actions_view"}}""", raw);
        Assert.Equal("The consumer isn't authorized to access Magento_Sales::actions_view.", message);
    }

    [Fact]
    public async Task Integration_token_as_bearer_works_once_the_store_allows_it()
    {
        await using var server = await SandboxServer.StartAsync(Store("m", configure: m => m.AcceptIntegrationTokenAsBearer = true));

        using var ok = await server.GetBearerAsync(Orders, AccessToken);
        var wrong = await Read(await server.GetBearerAsync(Orders, "not-a-token"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "The consumer isn't authorized to access Magento_Sales::actions_view."), (wrong.Status, wrong.Message));
    }

    [Fact]
    public async Task Admin_token_is_accepted_as_bearer_and_no_header_is_a_guest()
    {
        await using var server = await SandboxServer.StartAsync(Store("m", configure: m => m.AdminToken = "admin-token-1"));

        using var admin = await server.GetBearerAsync(Api("m", "customers/search?" + Criteria(pageSize: 2)), "admin-token-1");
        var guest = await Read(await server.Http.GetAsync(Api("m", "customers/search?" + Criteria(pageSize: 2))));

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "The consumer isn't authorized to access Magento_Customer::customer."), (guest.Status, guest.Message));
    }

    [Fact]
    public async Task A_resource_the_integration_was_not_granted_is_named()
    {
        await using var server = await SandboxServer.StartAsync(Store("m", configure: m => m.DeniedResources = ["Magento_Sales::sales_creditmemo"]));

        using var orders = await server.GetSignedAsync(Orders);
        var memos = await Read(await server.GetSignedAsync(Api("m", "creditmemos?" + Criteria(pageSize: 5))));

        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "The consumer isn't authorized to access Magento_Sales::sales_creditmemo."), (memos.Status, memos.Message));
    }

    [Fact]
    public async Task Unknown_store_code_and_unknown_store_match_no_route()
    {
        await using var server = await SandboxServer.StartAsync(Store("m"));

        var code = await Read(await server.GetSignedAsync(Api("m", "orders?" + Criteria(pageSize: 1), storeCode: "french")));
        var store = await Read(await server.GetSignedAsync(Api("nope", "orders?" + Criteria(pageSize: 1))));
        using var all = await server.GetSignedAsync(Api("m", "orders?" + Criteria(pageSize: 1), storeCode: "all"));
        using var none = await server.GetSignedAsync($"/sandbox/magento/m/rest/V1/orders?{Criteria(pageSize: 1)}");

        Assert.Equal((HttpStatusCode.NotFound, "Request does not match any route."), (code.Status, code.Message));
        Assert.Equal((HttpStatusCode.NotFound, "Request does not match any route."), (store.Status, store.Message));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (all.StatusCode, none.StatusCode));
    }
}
