using System.Net;
using System.Text;
using System.Text.Json;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Shopify.Connector;

namespace Nexus.Tests.Platforms.Shopify.Connector;

/// <summary>
/// Shopify's error answers, one per status and GraphQL error code, as the merchant reads them: the kind decides whether
/// a sync retries or stops, the words say what happened and what to do.
/// </summary>
public class ShopifyApiErrorTests
{
    private static async Task<ShopifyApiError> ReadAsync(HttpStatusCode status, string body, string mediaType = "application/json", string? requestId = null)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (requestId is not null) response.Headers.Add("X-Request-Id", requestId);
        return await ShopifyApiError.ReadAsync(response, CancellationToken.None);
    }

    [Fact]
    public async Task A_json_error_body_is_read_with_its_message_and_request_id()
    {
        var error = await ReadAsync(HttpStatusCode.Unauthorized, """{"errors":"[API] Invalid API key or access token"}""", requestId: "req-123");
        Assert.Equal(("[API] Invalid API key or access token", true, "req-123"), (error.Message, error.IsJson, error.RequestId));

        var explained = error.Explain();
        Assert.Equal(ConnectorErrorKind.Authentication, explained.Kind);
        Assert.Contains("(Shopify request id req-123)", explained.Summary, StringComparison.Ordinal);
        Assert.Contains("shpat_", explained.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_errors_object_is_kept_as_its_json_and_a_body_without_errors_has_no_message()
    {
        var structured = await ReadAsync(HttpStatusCode.UnprocessableEntity, """{"errors":{"query":["is invalid"]}}""");
        Assert.Equal("""{"query":["is invalid"]}""", structured.Message);

        var noErrors = await ReadAsync(HttpStatusCode.BadRequest, """{"detail":"nothing here"}""");
        Assert.Null(noErrors.Message);
        Assert.True(noErrors.IsJson);
    }

    [Fact]
    public async Task An_html_404_means_the_address_is_not_a_shop_and_a_json_404_means_a_wrong_version_or_address()
    {
        var html = (await ReadAsync(HttpStatusCode.NotFound, "<html><body>Page not found</body></html>", "text/html")).Explain();
        Assert.Equal(ConnectorErrorKind.NotFound, html.Kind);
        Assert.Contains("not a Shopify shop", html.Summary, StringComparison.Ordinal);

        var json = (await ReadAsync(HttpStatusCode.NotFound, """{"errors":"Not Found"}""")).Explain();
        Assert.Equal(ConnectorErrorKind.NotFound, json.Kind);
        Assert.Contains("API version is unknown", json.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, ConnectorErrorKind.Permission, "may not read this shop's data")]
    [InlineData(HttpStatusCode.PaymentRequired, ConnectorErrorKind.Permission, "the shop is frozen (unpaid plan)")]
    [InlineData(HttpStatusCode.Locked, ConnectorErrorKind.Permission, "the shop is locked")]
    [InlineData(HttpStatusCode.TooManyRequests, ConnectorErrorKind.Throttled, "limiting our requests (HTTP 429)")]
    [InlineData(HttpStatusCode.BadGateway, ConnectorErrorKind.Server, "Shopify's servers failed (HTTP 502)")]
    public void Each_status_is_explained_as_the_kind_a_sync_acts_on(HttpStatusCode status, ConnectorErrorKind kind, string words)
    {
        var explained = new ShopifyApiError(status, null, true, null).Explain();
        Assert.Equal(kind, explained.Kind);
        Assert.Contains(words, explained.Summary, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(explained.Fix));
    }

    [Fact]
    public void An_unexpected_status_quotes_shopify_only_when_it_said_something()
    {
        var quoted = new ShopifyApiError(HttpStatusCode.Conflict, "Shop is being migrated", true, null).Explain();
        Assert.Equal(ConnectorErrorKind.Unexpected, quoted.Kind);
        Assert.Equal("Shopify answered HTTP 409 (\"Shop is being migrated\").", quoted.Summary);

        var silent = new ShopifyApiError(HttpStatusCode.Conflict, "", true, null).Explain();
        Assert.Equal("Shopify answered HTTP 409.", silent.Summary);
    }

    [Fact]
    public void Graphql_access_denied_names_the_missing_scope_from_required_access()
    {
        var body = """{"errors":[{"message":"Access denied for orders field.","extensions":{"code":"ACCESS_DENIED","requiredAccess":"`read_orders` access scope."}}]}""";
        var thrown = Assert.Throws<ConnectorAuthenticationException>(() => ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(body), "orders"));
        Assert.Equal(ConnectorErrorKind.Permission, thrown.Kind);
        Assert.Contains("lacks the read_orders access scope", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("add the read_orders scope", thrown.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Graphql_access_denied_without_a_named_scope_still_says_a_scope_is_missing()
    {
        var body = """{"errors":[{"message":"Access denied.","extensions":{"code":"ACCESS_DENIED"}}]}""";
        var thrown = Assert.Throws<ConnectorAuthenticationException>(() => ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(body), "customers"));
        Assert.Contains("lacks the needed access scope", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graphql_max_cost_exceeded_carries_the_cost_shopify_reported()
    {
        var body = """{"errors":[{"message":"Query cost is 1500, which exceeds the single query max cost limit (1000).","extensions":{"code":"MAX_COST_EXCEEDED","cost":1500,"maxCost":1000}}]}""";
        var thrown = Assert.Throws<ShopifyQueryTooCostlyException>(() => ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(body), "orders"));
        Assert.Equal(1500, thrown.Cost);
        Assert.Contains("too costly", thrown.Message, StringComparison.Ordinal);

        var withoutCost = """{"errors":[{"message":"Too costly.","extensions":{"code":"MAX_COST_EXCEEDED"}}]}""";
        Assert.Null(Assert.Throws<ShopifyQueryTooCostlyException>(() => ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(withoutCost), "orders")).Cost);
    }

    [Fact]
    public void Graphql_throttling_that_outlived_the_retries_is_a_throttled_failure()
    {
        var body = """{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}""";
        var thrown = Assert.Throws<ConnectorException>(() => ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(body), "products"));
        Assert.Equal(ConnectorErrorKind.Throttled, thrown.Kind);
        Assert.Equal("Reading products failed: Shopify kept throttling our queries.", thrown.Message);
    }

    [Fact]
    public void Any_other_graphql_error_quotes_its_code_and_message_or_the_raw_error()
    {
        var coded = """{"errors":[{"message":"Field 'x' doesn't exist","extensions":{"code":"undefinedField"}}]}""";
        var thrown = Assert.Throws<ConnectorException>(() => ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(coded), "orders"));
        Assert.Equal(ConnectorErrorKind.Unexpected, thrown.Kind);
        Assert.Equal("Reading orders failed: Shopify refused the query (undefinedField: Field 'x' doesn't exist).", thrown.Message);

        var bare = """{"errors":["something broke"]}""";
        var raw = Assert.Throws<ConnectorException>(() => ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(bare), "orders"));
        Assert.Equal("Reading orders failed: Shopify refused the query (error: \"something broke\").", raw.Message);
    }

    [Theory]
    [InlineData("""{"data":{"shop":{"name":"x"}}}""")]
    [InlineData("""{"data":{},"errors":[]}""")]
    [InlineData("""{"errors":"not a list"}""")]
    public void An_answer_without_a_list_of_errors_passes(string body) =>
        ShopifyApiError.ThrowIfErrors(Encoding.UTF8.GetBytes(body), "orders"); // throws if it misreads the answer

    [Theory]
    [InlineData("""{"message":"Access denied for customers field. Required access: `read_customers` access scope."}""", "read_customers")]
    [InlineData("""{"message":"Access denied.","extensions":{"requiredAccess":"write_products access scope"}}""", "write_products")]
    [InlineData("""{"message":"Access denied."}""", null)]
    [InlineData("""{"extensions":{"requiredAccess":42}}""", null)]
    [InlineData("\"a string error\"", null)]
    public void The_missing_scope_is_read_from_required_access_or_the_message(string error, string? scope)
    {
        using var document = JsonDocument.Parse(error);
        Assert.Equal(scope, ShopifyApiError.MissingScope(document.RootElement));
    }
}
