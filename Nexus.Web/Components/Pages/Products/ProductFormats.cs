using System.Globalization;
using Nexus.Core.Analytics.Products;
using MudBlazor;

namespace Nexus.Web.Components.Pages.Products;

/// <summary>How the product pages write units, intervals, dates and statuses (the figures come from Core).</summary>
internal static class ProductFormats
{
    private const char Nbsp = '\u00A0';

    /// <summary>Whole units from 10 up, one decimal below (an intermittent product expects 0.4 units a month).</summary>
    public static string Units(double? units) => units is not { } u || !double.IsFinite(u) ? "–"
        : u.ToString(Math.Abs(u) >= 10 ? "N0" : "N1", CultureInfo.InvariantCulture);

    public static string Interval(double? lower, double? upper) => lower is null || upper is null ? "" : $"{Units(lower)}–{Units(upper)}";

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    public static string Days(double? days) => days is not { } d || !double.IsFinite(d) ? "–" : d.ToString("N0", CultureInfo.InvariantCulture) + Nbsp + "d";

    public static string Status(DemandStatus? status) => status switch
    {
        DemandStatus.Rising => "rising",
        DemandStatus.Declining => "declining",
        DemandStatus.Steady => "steady",
        _ => "too new",
    };

    public static Color StatusColour(DemandStatus? status) => status switch
    {
        DemandStatus.Rising => Color.Success,
        DemandStatus.Declining => Color.Warning,
        DemandStatus.Steady => Color.Default,
        _ => Color.Dark,
    };

    public static string StatusIcon(DemandStatus? status) => status switch
    {
        DemandStatus.Rising => Icons.Material.Filled.TrendingUp,
        DemandStatus.Declining => Icons.Material.Filled.TrendingDown,
        DemandStatus.Steady => Icons.Material.Filled.TrendingFlat,
        _ => Icons.Material.Outlined.HourglassEmpty,
    };

    /// <summary>The product page of a row.</summary>
    public static string Href(int storeId, string productId) => $"products/{storeId}/{Uri.EscapeDataString(productId)}";
}
