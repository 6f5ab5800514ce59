using System.Net;
using System.Text;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Resilience;

namespace Nexus.Tests.Platforms;

/// <summary>
/// The words a merchant reads when a store answers with an error: the generic wording by status, and WooCommerce's
/// own, which tells a wrong key from a key without permission, and WordPress without the REST API from no WordPress.
/// </summary>
public class ConnectorErrorWordingTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ConnectorErrorKind.Authentication, "The store rejected the credentials.")]
    [InlineData(HttpStatusCode.Forbidden, ConnectorErrorKind.Permission, "The credentials may not read this data.")]
    [InlineData(HttpStatusCode.NotFound, ConnectorErrorKind.NotFound, "The store answered HTTP 404: nothing at this address.")]
    [InlineData(HttpStatusCode.Gone, ConnectorErrorKind.NotFound, "The store answered HTTP 410: nothing at this address.")]
    [InlineData(HttpStatusCode.TooManyRequests, ConnectorErrorKind.Throttled, "The store is limiting our requests (HTTP 429).")]
    [InlineData(HttpStatusCode.ServiceUnavailable, ConnectorErrorKind.Server, "The store's server failed (HTTP 503).")]
    [InlineData(HttpStatusCode.BadRequest, ConnectorErrorKind.Unexpected, "The store answered HTTP 400.")]
    public void The_generic_wording_follows_the_status(HttpStatusCode status, ConnectorErrorKind kind, string summary)
    {
        var error = ConnectorError.Generic(status);
        Assert.Equal((kind, summary), (error.Kind, error.Summary));
        Assert.Equal(kind, ConnectorError.KindOf(status));
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    private static async Task<WooApiError> ReadAsync(HttpStatusCode status, string body)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        return await WooApiError.ReadAsync(response, CancellationToken.None);
    }

    [Fact]
    public async Task A_wordpress_error_body_gives_its_code_and_message_and_an_html_page_is_not_json()
    {
        var json = await ReadAsync(HttpStatusCode.Unauthorized, """{"code":"woocommerce_rest_authentication_error","message":"Invalid signature","data":{"status":401}}""");
        Assert.Equal(("woocommerce_rest_authentication_error", "Invalid signature", true), (json.Code, json.Message, json.IsJson));

        var html = await ReadAsync(HttpStatusCode.BadGateway, "<html>Bad gateway</html>");
        Assert.Equal((null, null, false), (html.Code, html.Message, html.IsJson));

        var array = await ReadAsync(HttpStatusCode.BadRequest, "[1,2]");
        Assert.False(array.IsJson); // JSON, but not WordPress's error object
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", "was not allowed to read")]
    [InlineData(HttpStatusCode.Unauthorized, "x", "You do not have permission", "was not allowed to read")]
    [InlineData(HttpStatusCode.Forbidden, null, null, "was not allowed to read")]
    [InlineData(HttpStatusCode.Unauthorized, "woocommerce_rest_authentication_error", "Consumer key is invalid.", "Wrong key: the store rejected the consumer key or secret (the store said: \"Consumer key is invalid.\")")]
    [InlineData(HttpStatusCode.NotFound, "rest_no_route", "No route", "the WooCommerce REST API is not enabled")]
    [InlineData(HttpStatusCode.NotFound, "rest_post_invalid_id", "Invalid ID", "not a WordPress site with a REST API (HTTP 404")]
    [InlineData(HttpStatusCode.TooManyRequests, null, null, "limiting our requests (HTTP 429)")]
    [InlineData(HttpStatusCode.InternalServerError, "internal_server_error", "There has been a critical error", "The store's server failed (HTTP 500) (the store said: \"There has been a critical error\")")]
    [InlineData(HttpStatusCode.Conflict, "x", "", "The store answered HTTP 409.")]
    public void Woocommerce_errors_are_explained_in_the_merchants_terms(HttpStatusCode status, string? code, string? message, string words)
    {
        var (summary, fix) = new WooApiError(status, code, message, IsJson: true).Explain();
        Assert.Contains(words, summary, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(fix));
    }

    [Fact]
    public void A_non_json_answer_is_a_site_without_wordpress_whatever_its_status()
    {
        var (summary, _) = new WooApiError(HttpStatusCode.BadRequest, null, null, IsJson: false).Explain();
        Assert.StartsWith("The address answers, but it is not a WordPress site with a REST API (HTTP 400", summary, StringComparison.Ordinal);
    }
}
