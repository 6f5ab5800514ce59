using System.Globalization;
using System.Text;

namespace Nexus.Benchmarks.Csv;

/// <summary>
/// Writes a Shopify-layout <c>orders_export.csv</c> (the 79 columns of <c>shared/fixtures/csv/FORMATS.md</c>): one row
/// per line item, the order's fields only on its first row, CRLF line endings, quoted addresses with commas,
/// unicode names, some refunded and some cancelled orders. Deterministic for a seed, so benchmark runs compare.
/// </summary>
public static class ShopifyOrdersCsvGenerator
{
    public const string Header =
        "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

    private static readonly string[] FirstNames = ["Anna", "José", "Zoë", "Łukasz", "Søren", "Mei", "Chloé", "Björn", "Ana María", "Oliver"];
    private static readonly string[] LastNames = ["Müller", "García", "O'Brien", "Nguyễn", "Smith", "Dvořák", "Jensen", "Rossi", "Kowalski", "Brown"];
    private static readonly string[] Products = ["Organic Cotton Tee", "Merino Beanie", "Café Mug, 350 ml", "Linen Apron", "Canvas Tote"];

    /// <summary>Writes orders until <paramref name="rows"/> data rows are written; returns the number of orders.</summary>
    public static int Write(Stream output, int rows, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(Header);
        var fields = new string[79];
        var written = 0;
        var orders = 0;
        var created = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(-5));
        while (written < rows)
        {
            orders++;
            var lines = Math.Min(rows - written, 1 + random.Next(4));
            created = created.AddMinutes(1 + random.Next(30));
            var prices = new decimal[lines];
            var quantities = new int[lines];
            for (var l = 0; l < lines; l++)
            {
                prices[l] = 5 + random.Next(9_500) / 100m;
                quantities[l] = 1 + random.Next(3);
            }

            var subtotal = prices.Select((p, l) => p * quantities[l]).Sum();
            var shipping = random.Next(3) == 0 ? 0m : 4.95m;
            var taxes = Math.Round(subtotal * 0.08m, 2);
            var total = subtotal + shipping + taxes;
            var cancelled = random.Next(40) == 0;
            var refunded = !cancelled && random.Next(15) == 0 ? Math.Round(total / 2, 2) : 0m;
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var email = $"customer{random.Next(rows / 3 + 10)}@example.com";
            for (var l = 0; l < lines; l++)
            {
                Array.Fill(fields, "");
                fields[0] = $"#{1000 + orders}";
                fields[16] = Text(quantities[l]);
                fields[17] = Products[random.Next(Products.Length)];
                fields[18] = Text(prices[l]);
                fields[20] = $"SKU-{random.Next(500):D4}";
                fields[21] = "true";
                fields[22] = "true";
                fields[23] = "fulfilled";
                fields[50] = "Nexus Goods";
                if (l == 0)
                    FillOrder(fields, random, orders, email, name, created, subtotal, shipping, taxes, total, cancelled, refunded);
                for (var f = 0; f < fields.Length; f++)
                {
                    if (f > 0)
                        writer.Write(',');
                    writer.Write(Nexus.Core.Exports.Csv.Quote(fields[f]));
                }

                writer.WriteLine();
                written++;
            }
        }

        return orders;
    }

    private static void FillOrder(string[] f, Random random, int order, string email, string name, DateTimeOffset created,
        decimal subtotal, decimal shipping, decimal taxes, decimal total, bool cancelled, decimal refunded)
    {
        f[1] = email;
        f[2] = cancelled ? "voided" : refunded > 0 ? "partially_refunded" : "paid";
        f[3] = cancelled ? "" : Date(created.AddMinutes(1));
        f[4] = cancelled ? "unfulfilled" : "fulfilled";
        f[5] = cancelled ? "" : Date(created.AddDays(1));
        f[6] = random.Next(2) == 0 ? "yes" : "no";
        f[7] = "USD";
        f[8] = Text(subtotal);
        f[9] = Text(shipping);
        f[10] = Text(taxes);
        f[11] = Text(total);
        f[13] = "0.00";
        f[14] = shipping == 0 ? "Free Shipping" : "Standard";
        f[15] = Date(created);
        f[24] = name;
        f[25] = $"{10 + random.Next(900)} Market Street, Apt {1 + random.Next(20)}";
        f[26] = f[25];
        f[29] = "Springfield";
        f[30] = $"{10000 + random.Next(89999)}";
        f[31] = "IL";
        f[32] = "US";
        f[33] = $"+1 555 01{random.Next(100):D2}";
        for (var i = 0; i < 10; i++)
            f[34 + i] = f[24 + i];
        f[46] = cancelled ? Date(created.AddHours(2)) : "";
        f[47] = "Shopify Payments";
        f[48] = $"c{order}.1";
        f[49] = Text(refunded);
        f[51] = "0.00";
        f[55] = Text(5_000_000_000L + order);
        f[57] = "Low";
        f[58] = "web";
        f[60] = "IL State Tax 8%";
        f[61] = Text(taxes);
        f[73] = "Illinois";
        f[74] = "Illinois";
    }

    private static string Text(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(23, 1);
}
