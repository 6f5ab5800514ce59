using Nexus.Core.Platforms.Sandbox.Defects;

namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>
/// Products (simple and variable with variations), categories and coupons. Catalogues are small (≤ a few
/// thousand) so they are materialised once. Product ids are 1..N; variation ids come from a separate
/// range so they never collide with products, as in WooCommerce where both live in one posts table.
/// </summary>
public static class CatalogFactory
{
    private const long ProductStream = 0x9D0C;
    private const long CouponStream = 0xC0F0;
    public const int VariationIdBase = 500_000;

    private static readonly string[] CategoryNames = ["Clothing", "T-shirts", "Hoodies", "Accessories", "Home & Kitchen", "Café", "Music", "Posters", "Décor", "Outdoor"];
    private static readonly string[] Adjectives = ["Premium", "Classic", "Organic", "Vintage", "Ultra", "Cozy", "Nordic", "Crème", "Smart", "Rustic", "Señorita", "Zen"];
    private static readonly string[] Nouns = ["T-Shirt", "Hoodie", "Mug", "Poster", "Cap", "Backpack", "Scarf", "Candle", "Notebook", "Album", "Lamp", "Tote Bag"];
    private static readonly string[] Sizes = ["S", "M", "L", "XL"];
    private static readonly string[] Colors = ["Black", "White", "Blue", "Rot", "Vert", "Grå"];

    public static IReadOnlyList<SandboxCategory> Categories { get; } =
        CategoryNames.Select((n, i) => new SandboxCategory(i + 9, n, Slug(n))).ToArray();

    public static IReadOnlyList<SandboxProduct> Products(long seed, int count, DateTime historyStartUtc, DefectPlan defects)
    {
        var products = new SandboxProduct[count];
        for (var p = 0; p < count; p++)
        {
            var id = p + 1;
            var rng = new SeededStream(seed, ProductStream, id);
            var name = $"{rng.Pick(Adjectives)} {rng.Pick(Nouns)} {id}";
            var category = Categories[rng.Next(Categories.Count)];
            var created = historyStartUtc.AddDays(-rng.Next(1, 200)).AddSeconds(rng.Next(86_400));
            var price = Math.Round((decimal)Math.Exp(1.6 + 2.2 * rng.NextDouble()), 0) - 0.01m;
            decimal? sale = rng.Chance(0.15) ? Math.Round(price * 0.8m, 2) : null;
            int? stock = rng.Chance(0.5) ? rng.Next(0, 400) : null;
            var sku = $"{category.Slug[..Math.Min(3, category.Slug.Length)].ToUpperInvariant()}-{id:D5}";
            var isVariable = rng.Chance(0.35);
            var attributes = new List<SandboxAttribute>();
            var variations = new List<SandboxVariation>();
            if (isVariable)
            {
                attributes.Add(new SandboxAttribute(1, "Size", Sizes));
                if (rng.Chance(0.5)) attributes.Add(new SandboxAttribute(2, "Color", Colors[..3]));
                var combos = attributes.Count == 1
                    ? Sizes.Select(s => new[] { (1, "Size", s) }).ToList()
                    : Sizes.SelectMany(s => Colors[..3].Select(c => new[] { (1, "Size", s), (2, "Color", c) })).Take(6).ToList();
                for (var v = 0; v < combos.Count; v++)
                {
                    var vPrice = price + v % 2;
                    variations.Add(new SandboxVariation(VariationIdBase + id * 16 + v, id, $"{sku}-{v + 1}", vPrice, null,
                        stock is null ? null : rng.Next(0, 80), combos[v], created, created) { UnitCost = UnitCost(id, vPrice) });
                }
            }
            products[p] = new SandboxProduct(id, name, Slug(name), isVariable, sku, price, sale, stock, [category],
                attributes, variations, created, created.AddDays(rng.Next(0, 30)), Math.Pow(rng.NextDouble(), 3) + 0.02) { UnitCost = UnitCost(id, price) };
        }
        ApplyDefects(products, defects);
        return products;
    }

    /// <summary>
    /// Three products in four have a cost price, 40–64 % of the regular price, so the demo shows margins and the
    /// "no cost price" dash side by side. Derived from the id, not drawn from the product's random stream, so adding it
    /// left every other generated figure (and the measured forecasts) as they were.
    /// </summary>
    internal static decimal? UnitCost(int productId, decimal regularPrice) =>
        productId % 4 == 0 ? null : Math.Round(regularPrice * (0.40m + productId * 37 % 25 / 100m), 2);

    private static void ApplyDefects(SandboxProduct[] products, DefectPlan defects)
    {
        for (var p = 0; p < products.Length; p++)
        {
            var product = products[p];
            if (defects.Has(SandboxEntity.Product, product.Id, DefectKind.ZeroOrNegativePrice))
            {
                var negative = defects.Shape(SandboxEntity.Product, product.Id, DefectKind.ZeroOrNegativePrice) < 0.5;
                product = product with { RegularPrice = negative ? -product.RegularPrice : 0m, SalePrice = null };
            }
            if (defects.Has(SandboxEntity.Product, product.Id, DefectKind.DuplicateSku))
                product = product with { Sku = products[defects.DuplicateOf(SandboxEntity.Product, product.Id, DefectKind.DuplicateSku)!.Value - 1].Sku };
            products[p] = product;
        }
    }

    public static IReadOnlyList<SandboxCoupon> Coupons(long seed, int count, DateTime historyStartUtc)
    {
        string[] codes = ["WELCOME10", "SUMMER20", "BLACKFRIDAY", "FREESHIP", "VIP15", "SPRING5", "HERBST10", "NOËL25", "FLASH30", "LOYAL12"];
        var coupons = new SandboxCoupon[count];
        for (var c = 0; c < count; c++)
        {
            var rng = new SeededStream(seed, CouponStream, c + 1);
            var kind = rng.Chance(0.7) ? CouponKind.Percent : CouponKind.FixedCart;
            var amount = kind == CouponKind.Percent ? rng.Next(5, 31) : rng.Next(5, 21);
            var code = c < codes.Length ? codes[c] : $"{codes[c % codes.Length]}-{c}";
            var created = historyStartUtc.AddDays(rng.Next(0, 700));
            coupons[c] = new SandboxCoupon(c + 1, code.ToLowerInvariant(), kind, amount, rng.Chance(0.3) ? 50m : 0m, created,
                rng.Chance(0.4) ? created.AddDays(rng.Next(14, 120)) : null);
        }
        return coupons;
    }

    public static string Slug(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
