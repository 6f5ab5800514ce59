using System.Globalization;
using System.Text;
using Nexus.Core.Exports;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>The Products table as CSV: one row per product and variant, the figures the page shows, names formula-defused.</summary>
public static class ProductCsv
{
    public const string Header = "store,product_id,variant_id,name,units_sold,revenue,refunded,refund_rate,unit_cost,margin,margin_rate,currency,next_30_units,next_30_lower_80,next_30_upper_80,"
        + "next_90_units,next_90_lower_80,next_90_upper_80,status,stock,days_of_cover,stock_out_date,abc,xyz,method,cold_start_reason";

    public static string Write(IEnumerable<ProductListItem> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            var p = r.Product;
            var a = p.Analysis;
            string[] fields =
            [
                Csv.Field(r.StoreName), Csv.Field(p.ProductId), Csv.Field(p.VariantId), Csv.Field(a.Name), Number(a.UnitsSold), Number((double)a.Revenue),
                Number((double)p.Refunded), Number(p.RefundRate), Number((double?)a.UnitCost), Number((double?)p.Margin), Number(p.MarginRate), r.Currency, Number(p.Next30.ExpectedUnits), Number(p.Next30.Lower80), Number(p.Next30.Upper80),
                Number(p.Next90.ExpectedUnits), Number(p.Next90.Lower80), Number(p.Next90.Upper80), p.Status?.ToString().ToLowerInvariant() ?? "",
                a.Stock?.ToString(CultureInfo.InvariantCulture) ?? "", Number(a.DaysOfCover), a.StockOutDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                a.Abc.ToString(), a.Xyz.ToString(), p.Next30.Method ?? "", Csv.Field(p.Next30.ColdStartReason),
            ];
            csv.AppendJoin(',', fields).Append('\n');
        }
        return csv.ToString();
    }

    private static string Number(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4).ToString(CultureInfo.InvariantCulture) : "";
}
