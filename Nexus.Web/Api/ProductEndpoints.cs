using System.Security.Claims;
using System.Text;
using Nexus.Core.Accounts;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Analytics.Products.Insights;

namespace Nexus.Web.Api;

/// <summary>
/// <c>GET /api/products/products.csv</c>: the Products table as the page filters and sorts it, signed-in merchants only,
/// read from the caller's tenant's cache (the tenant comes from the sign-in cookie, never from the request).
/// </summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/products").RequireAuthorization().MapGet("/products.csv", ProductsCsvAsync);
        return app;
    }

    /// <summary>The link the page's export button opens: the same filter and order as the table.</summary>
    public static string CsvHref(int store, ProductFilter filter, ProductSort sort, bool descending)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"store={store}", $"sort={sort}", $"desc={(descending ? "true" : "false")}" };
        if (filter.Status is { } status) query.Add($"status={status}");
        if (filter.Abc is { } abc) query.Add($"abc={abc}");
        if (filter.Xyz is { } xyz) query.Add($"xyz={xyz}");
        if (filter.StockOutWithinDays is { } days) query.Add($"stockout={days}");
        if (!string.IsNullOrWhiteSpace(filter.Search)) query.Add($"q={Uri.EscapeDataString(filter.Search.Trim())}");
        return "api/products/products.csv?" + string.Join('&', query);
    }

    /// <summary>404 when the store is not the caller's or has no analysis to export yet.</summary>
    private static async Task<IResult> ProductsCsvAsync(ClaimsPrincipal user, ProductCatalogue catalogue, int store, string? status, char? abc, char? xyz,
        int? stockout, string? q, ProductSort? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (user.FindTenantId() is not { } tenantId) return Results.Forbid();
        DemandStatus? demand = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DemandStatus>(status, ignoreCase: true, out var parsed)) return Results.BadRequest($"unknown status '{status}'");
            demand = parsed;
        }
        var view = await catalogue.LoadAsync(tenantId, store == 0 ? null : store, cancellationToken);
        if (view.Rows.Count == 0 && view.State != ProductListState.NoSales) return Results.NotFound();
        var filter = new ProductFilter(demand, abc is null ? null : char.ToUpperInvariant(abc.Value), xyz is null ? null : char.ToUpperInvariant(xyz.Value), stockout, q);
        var rows = ProductList.Sort(ProductList.Filter(view.Rows, filter), sort ?? ProductSort.Revenue, desc ?? true);
        var name = $"products-{(store == 0 ? "all-stores" : $"store-{store}")}.csv";
        return Results.File(Encoding.UTF8.GetBytes(ProductCsv.Write(rows)), "text/csv; charset=utf-8", name);
    }
}
