using Nexus.Core.Exports;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Core.Stores;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>export --store ID --entity orders|customers|products [--format json|csv]</c>: the canonical records exactly as
/// stored, streamed (JSON: one array of the stored canonical payloads; CSV: the main columns of each record).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var store = new Option<int>("--store") { Description = "The store's id (see stores list).", Required = true };
        var entity = new Option<string>("--entity") { Description = "orders, customers or products", Required = true };
        entity.AcceptOnlyFromAmong("orders", "customers", "products");
        var format = new Option<string>("--format") { Description = "json (default) or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var owner = CliTenant.OwnerOption();
        var command = new Command("export", "Print a store's stored records (canonical model) as JSON or CSV.") { store, entity, format, owner };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var storeId = parse.GetValue(store);
            if (!await services.GetRequiredService<StoreService>().ExistsAsync(tenant, storeId, token))
            {
                throw CliTenant.NoSuchStore(storeId, parse.GetValue(owner));
            }
            await using var db = await services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync(token);
            db.TenantId = tenant;
            var output = Console.Out;
            var csv = parse.GetValue(format) == "csv";
            switch (parse.GetValue(entity))
            {
                case "orders":
                    await WriteAsync(output, csv, db.Orders.AsNoTracking().Where(o => o.StoreId == storeId).OrderBy(o => o.Id).Select(o => o.Payload),
                        OrderCsv.Header, p => OrderCsv.Row(JsonSerializer.Deserialize<Order>(p, RecordUpserter.PayloadJson)!), token);
                    break;
                case "customers":
                    await WriteAsync(output, csv, db.Customers.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.Id).Select(c => c.Payload),
                        CustomerCsv.Header, p => CustomerCsv.Row(JsonSerializer.Deserialize<Customer>(p, RecordUpserter.PayloadJson)!), token);
                    break;
                default:
                    await WriteAsync(output, csv, db.Products.AsNoTracking().Where(p => p.StoreId == storeId).OrderBy(p => p.Id).Select(p => p.Payload),
                        ProductCsv.Header, p => ProductCsv.Row(JsonSerializer.Deserialize<Product>(p, RecordUpserter.PayloadJson)!), token);
                    break;
            }
            await output.FlushAsync(token);
            return 0;
        }, ct));
        return command;
    }

    private static async Task WriteAsync(TextWriter output, bool csv, IQueryable<string> payloads, string header, Func<string, IEnumerable<string?>> row, CancellationToken token)
    {
        if (csv) await output.WriteLineAsync(header);
        else await output.WriteAsync('[');
        var first = true;
        await foreach (var payload in payloads.AsAsyncEnumerable().WithCancellation(token))
        {
            if (csv)
            {
                await output.WriteLineAsync(string.Join(',', row(payload).Select(Csv.Field)));
            }
            else
            {
                await output.WriteAsync(first ? "\n" : ",\n");
                await output.WriteAsync(payload);
            }
            first = false;
        }
        if (!csv) await output.WriteLineAsync(first ? "]" : "\n]");
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static class OrderCsv
    {
        public const string Header = "id,number,created_at,modified_at,status,currency,subtotal,discount,shipping,tax,total,refunded,customer_id,billing_email,lines,items";

        public static IEnumerable<string?> Row(Order o) =>
        [
            o.PlatformId, o.Number, Date(o.CreatedAt), Date(o.ModifiedAt), o.RawStatus, o.Currency, Invariant(o.Subtotal.Amount), Invariant(o.DiscountTotal.Amount),
            Invariant(o.ShippingTotal.Amount), Invariant(o.TaxTotal.Amount), Invariant(o.Total.Amount), Invariant(o.RefundedTotal.Amount),
            o.CustomerPlatformId, o.BillingEmail, o.Lines.Count.ToString(CultureInfo.InvariantCulture), Invariant(o.Lines.Sum(l => l.Quantity)),
        ];
    }

    private static class CustomerCsv
    {
        public const string Header = "id,email,first_name,last_name,phone,country,created_at,modified_at";

        public static IEnumerable<string?> Row(Customer c) =>
            [c.PlatformId, c.Email, c.FirstName, c.LastName, c.Phone, c.Billing?.CountryCode ?? c.Shipping?.CountryCode, Date(c.CreatedAt), Date(c.ModifiedAt)];
    }

    private static class ProductCsv
    {
        public const string Header = "id,name,sku,type,status,price,regular_price,sale_price,currency,stock_quantity,stock_status,variants";

        public static IEnumerable<string?> Row(Product p) =>
        [
            p.PlatformId, p.Name, p.Sku, p.RawType, p.Status, p.Price is { } price ? Invariant(price.Amount) : null,
            p.RegularPrice is { } regular ? Invariant(regular.Amount) : null, p.SalePrice is { } sale ? Invariant(sale.Amount) : null,
            (p.Price ?? p.RegularPrice)?.Currency, p.StockQuantity?.ToString(CultureInfo.InvariantCulture), p.RawStockStatus,
            p.Variants.Count.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
