using Microsoft.AspNetCore.Components;
using MudBlazor;
using Nexus.Core.Analytics.Products.Insights;

namespace Nexus.Web.Components.Pages.Products;

/// <summary>The Products table: MudTable's server-data mode over the cached rows, so filtering, sorting and paging run in <see cref="ProductList"/>.</summary>
public partial class ProductTable
{
    [Parameter, EditorRequired] public IReadOnlyList<ProductListItem> Rows { get; set; } = [];
    [Parameter, EditorRequired] public ProductFilter Filter { get; set; } = ProductFilter.None;
    [Parameter] public bool ShowStore { get; set; }

    /// <summary>The order the table shows, so the CSV export can use the same.</summary>
    [Parameter] public EventCallback<(ProductSort Sort, bool Descending)> SortChanged { get; set; }

    private MudTable<ProductListItem>? _table;
    private IReadOnlyList<ProductListItem>? _shownRows;
    private ProductFilter? _shownFilter;
    private (ProductSort, bool) _sort = (ProductSort.Revenue, true);

    protected override async Task OnParametersSetAsync()
    {
        var changed = !ReferenceEquals(_shownRows, Rows) || _shownFilter != Filter;
        (_shownRows, _shownFilter) = (Rows, Filter);
        if (changed && _table is not null) await _table.ReloadServerData();
    }

    private async Task<TableData<ProductListItem>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<ProductSort>(state.SortLabel, out var label) && state.SortDirection != SortDirection.None ? label : ProductSort.Revenue;
        var descending = state.SortDirection != SortDirection.None ? state.SortDirection == SortDirection.Descending : true;
        if ((sort, descending) != _sort)
        {
            _sort = (sort, descending);
            await SortChanged.InvokeAsync(_sort);
        }
        var page = ProductList.Page(Rows, Filter, sort, descending, state.Page, state.PageSize);
        return new TableData<ProductListItem> { Items = page.Items, TotalItems = page.Total };
    }
}
