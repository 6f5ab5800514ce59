using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// Shopify's Admin GraphQL API over a sandbox store: <c>POST /admin/api/{version}/graphql.json</c> with
/// <c>X-Shopify-Access-Token</c>, plus the bulk result downloads (<c>GET /bulk/{file}</c>, unauthenticated like
/// Shopify's signed storage URLs). Order of checks: latency, injected outages, routing and version, token, body,
/// query cost against the single-query cap and the bucket, then execution.
/// </summary>
public sealed partial class ShopifyEmulator : ISandboxEmulator
{
    public string Platform => "shopify";

    /// <summary>A custom app's Admin API token is all a Shopify connector needs.</summary>
    public Nexus.Core.Stores.StoreCredentials Credentials(SandboxStoreOptions store) => new([new("access_token", store.Shopify.AccessToken)]);

    public async Task HandleAsync(HttpContext http, SandboxStoreHost host, string siteRoot, string path)
    {
        var ct = http.RequestAborted;
        var response = http.Response;
        var shop = ShopifyShopState.Of(host);
        if (host.Options.LatencyMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(host.Options.LatencyMs), host.Time, ct);

        if (HttpMethods.IsGet(http.Request.Method) && path.StartsWith("bulk/", StringComparison.Ordinal))
        {
            await ServeBulkFile(response, shop, path["bulk/".Length..], ct);
            return;
        }

        var fault = host.Faults.Next();
        switch (fault)
        {
            case FaultKind.Timeout:
                await SandboxHang.UntilClientGivesUpAsync(http, host.Time);
                return;
            case FaultKind.ServerError:
                await ShopifyResponses.Html(response, 500, ct);
                return;
            case FaultKind.BadGateway:
                await ShopifyResponses.Html(response, 502, ct);
                return;
            case FaultKind.ServiceUnavailable:
                await ShopifyResponses.Html(response, 503, ct, retryAfter: "5");
                return;
            case FaultKind.HtmlErrorPage:
                await ShopifyResponses.Html(response, 200, ct);
                return;
            case FaultKind.AuthFailure:
                await ShopifyResponses.Unauthorized(response, ct);
                return;
        }

        var route = ApiRoute().Match(path);
        if (!route.Success || !HttpMethods.IsPost(http.Request.Method))
        {
            await ShopifyResponses.NotFound(response, ct);
            return;
        }
        if (ResolveVersion(route.Groups["version"].Value, shop.Options.ApiVersions) is not { } version)
        {
            await ShopifyResponses.NotFound(response, ct);
            return;
        }
        response.Headers["X-Shopify-API-Version"] = version;
        response.Headers["X-Request-Id"] = Guid.NewGuid().ToString();
        if (http.Request.Headers["X-Shopify-Access-Token"].ToString() != shop.Options.AccessToken)
        {
            await ShopifyResponses.Unauthorized(response, ct);
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await ShopifySchemaFactory.Serializer.ReadAsync<GraphQLRequest>(http.Request.Body, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await ShopifyResponses.Json(response, 400, new Dictionary<string, object> { ["errors"] = new Dictionary<string, string> { ["query"] = "Required parameter missing or invalid" } }, ct);
            return;
        }
        await Execute(http, shop, siteRoot, request, fault, ct);
    }

    private static async Task Execute(HttpContext http, ShopifyShopState shop, string siteRoot, GraphQLRequest request, FaultKind? fault, CancellationToken ct)
    {
        var response = http.Response;
        GraphQLDocument document;
        int requested;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query!);
            requested = ShopifyQueryCost.Requested(document, request.OperationName, request.Variables);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException e)
        {
            await ShopifyResponses.QueryError(response, e.Description, new() { ["code"] = "PARSE_ERROR" }, ct);
            return;
        }
        catch (ShopifyQueryException e)
        {
            await ShopifyResponses.QueryError(response, e.Message, new() { ["code"] = e.Code }, ct);
            return;
        }
        if (requested > ShopifyQueryCost.MaxQueryCost)
        {
            await ShopifyResponses.QueryError(response, ShopifyResponses.MaxCostMessage(requested), new()
            {
                ["code"] = "MAX_COST_EXCEEDED", ["cost"] = requested, ["maxCost"] = ShopifyQueryCost.MaxQueryCost,
                ["documentation"] = "https://shopify.dev/api/usage/rate-limits",
            }, ct);
            return;
        }
        if (fault == FaultKind.Throttled) shop.Bucket.Drain(); // other apps on the shop emptied the bucket
        if (!shop.Bucket.TryTake(requested, out var status))
        {
            await ShopifyResponses.Throttled(response, requested, status, ct);
            return;
        }

        var context = new ShopifyRequest(shop, siteRoot);
        var result = await ShopifySchemaFactory.ExecuteAsync(document, request.Query!, request.OperationName, request.Variables, context, ct);
        var actual = result.Executed ? Math.Min(context.ActualCost, requested) : 0;
        var after = shop.Bucket.Refund(requested - actual);
        result.Extensions ??= [];
        result.Extensions["cost"] = ShopifyResponses.Cost(requested, actual, after);
        if (context.SearchWarnings.Count > 0) result.Extensions["search"] = context.SearchWarnings.ToArray();

        var body = System.Text.Encoding.UTF8.GetBytes(ShopifySchemaFactory.Serializer.Serialize(result));
        switch (fault)
        {
            case FaultKind.TruncatedJson:
                await ShopifyResponses.Write(response, body[..(body.Length / 2)], ShopifyResponses.JsonType, ct);
                return;
            case FaultKind.WrongContentType:
                await ShopifyResponses.Write(response, body, "text/html; charset=utf-8", ct);
                return;
            default:
                await ShopifyResponses.Write(response, body, ShopifyResponses.JsonType, ct);
                return;
        }
    }

    /// <summary>
    /// A released version is served as itself; a well-formed version older than the oldest supported one falls
    /// forward to the oldest (Shopify's rule, reported in X-Shopify-API-Version); anything else is not found.
    /// </summary>
    public static string? ResolveVersion(string requested, IReadOnlyList<string> supported)
    {
        if (supported.Contains(requested, StringComparer.Ordinal)) return requested;
        if (!VersionFormat().IsMatch(requested) || supported.Count == 0) return null;
        return string.CompareOrdinal(requested, supported[0]) < 0 ? supported[0] : null;
    }

    private static async Task ServeBulkFile(HttpResponse response, ShopifyShopState shop, string fileName, CancellationToken ct)
    {
        if (shop.Bulk.ResultFile(fileName) is not { } path)
        {
            await ShopifyResponses.NotFound(response, ct);
            return;
        }
        response.ContentType = "application/jsonl";
        response.ContentLength = new FileInfo(path).Length;
        await response.SendFileAsync(path, ct);
    }

    [GeneratedRegex(@"^admin/api/(?<version>[^/]+)/graphql\.json$")]
    private static partial Regex ApiRoute();

    [GeneratedRegex(@"^\d{4}-(01|04|07|10)$")]
    private static partial Regex VersionFormat();
}
