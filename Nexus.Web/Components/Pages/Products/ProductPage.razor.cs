using Microsoft.AspNetCore.Components;
using MudBlazor;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Components.Pages.Products;

/// <summary>One product: its history and forecast, backtest, variants, best customers and what is bought with it (<see cref="ProductDetailQuery"/>).</summary>
public partial class ProductPage
{
    [Inject] private ProductDetailQuery Query { get; set; } = default!;
    [Inject] private TenantDbContextFactory Tenant { get; set; } = default!;

    [Parameter] public int StoreId { get; set; }
    [Parameter] public string ProductId { get; set; } = "";

    private ProductDetail? _detail;
    private bool _loaded;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        // As the analytics pages: the figures load on the circuit, not while prerendering.
        if (!RendererInfo.IsInteractive) return;
        _loaded = false;
        var tenantId = await Tenant.GetTenantIdAsync() ?? Guid.Empty;
        _detail = await Query.LoadAsync(tenantId, StoreId, ProductId);
        _crumbs = [new BreadcrumbItem("Products", "products"), new BreadcrumbItem(_detail?.Name ?? ProductId, null, disabled: true)];
        _loaded = true;
    }

    private static string Outlook(ProductForecast forecast) => forecast.ExpectedUnits is { } units
        ? $"{ProductFormats.Units(units)} units ({ProductFormats.Interval(forecast.Lower80, forecast.Upper80)})"
        : "too new to forecast";
}
