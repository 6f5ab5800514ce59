using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Tests.Platforms.FakeShop;

/// <summary>
/// FakeShop's API over a generated sandbox store, served by the app's own sandbox endpoints at
/// /sandbox/fakeshop/{store}/api/…: bearer token + account header, lists wrapped as
/// <c>{"data":{"orders":{"nodes":[…],"pageInfo":{…}}},"totalCount":n}</c>, opaque cursors, and every
/// <see cref="ThrottleEvery"/>th request answered 200 with an <c>X-Fake-Throttle</c> header instead of data.
/// </summary>
public sealed class FakeShopEmulator : ISandboxEmulator
{
    public const int ThrottleEvery = 9;
    private int _requests;

    public string Platform => FakeShopPlatform.Id;

    public async Task HandleAsync(HttpContext http, SandboxStoreHost host, string siteRoot, string path)
    {
        var options = host.Options;
        var auth = http.Request.Headers.Authorization.ToString();
        if (auth != "Bearer " + options.ConsumerKey || http.Request.Headers["X-Fake-Account"] != options.ConsumerSecret)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsJsonAsync(new { errors = "Invalid API key or access token" });
            return;
        }
        var store = host.Store;
        var currency = store.Settings.Currency;
        if (path == "api/shop")
        {
            await http.Response.WriteAsJsonAsync(new { name = options.Name, currency });
            return;
        }
        if (Interlocked.Increment(ref _requests) % ThrottleEvery == 0)
        {
            http.Response.Headers["X-Fake-Throttle"] = "30";
            await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message = "Throttled" } } });
            return;
        }

        var entity = path["api/".Length..];
        var first = int.Parse(http.Request.Query["first"].FirstOrDefault() ?? "50", CultureInfo.InvariantCulture);
        var start = http.Request.Query["after"].FirstOrDefault() is { } after ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(after))[2..], CultureInfo.InvariantCulture) : 0;
        var snapshot = store.Current;
        var (total, nodes) = entity switch
        {
            "customers" => (store.CustomerCount, Enumerable.Range(start, Math.Max(0, Math.Min(first, store.CustomerCount - start))).Select(i => Customer(store.Customer(snapshot, i + 1))).ToList()),
            "products" => (store.Products.Count, store.Products.Skip(start).Take(first).Select(p => Product(p, currency)).ToList()),
            "orders" => (snapshot.OrderCount, Enumerable.Range(start, Math.Max(0, Math.Min(first, snapshot.OrderCount - start))).Select(i => Order(store.Order(snapshot, i), currency)).ToList()),
            _ => (0, new List<object>()),
        };
        var end = start + nodes.Count;
        var pageInfo = new { hasNextPage = end < total, endCursor = Convert.ToBase64String(Encoding.UTF8.GetBytes($"i:{end}")) };
        var body = new Dictionary<string, object> { ["data"] = new Dictionary<string, object> { [entity] = new { nodes, pageInfo } }, ["totalCount"] = total };
        await http.Response.WriteAsJsonAsync(body);
    }

    private static object Customer(SandboxCustomer c) => new
    {
        id = c.Id, email = c.Email, first_name = c.FirstName, last_name = c.LastName, created_at = Utc(c.CreatedUtc), updated_at = Utc(c.ModifiedUtc),
    };

    private static object Product(SandboxProduct p, string currency) => new { id = p.Id, title = p.Name, sku = p.Sku, price = p.Price, currency, updated_at = Utc(p.ModifiedUtc) };

    private static object Order(SandboxOrder o, string currency) => new
    {
        id = o.Id, name = "#" + o.Id.ToString(CultureInfo.InvariantCulture), customer_id = o.CustomerId == 0 ? (int?)null : o.CustomerId, status = o.Status, currency,
        total = o.Total, created_at = o.CreatedUtc is { } created ? Utc(created) : null, updated_at = Utc(o.ModifiedUtc),
        line_items = o.LineItems.Select(l => new { id = l.Id, product_id = l.ProductId, variant_id = l.VariationId == 0 ? (int?)null : l.VariationId, sku = l.Sku, quantity = l.Quantity, total = l.Total }),
    };

    private static string Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
