using Nexus.Core.Platforms.Sandbox.Defects;

namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>
/// Builds order i as a pure function of (seed, i, its lifecycle state). Totals follow WooCommerce's
/// arithmetic: line total = subtotal − discount, cart_tax = item + fee tax, total = items + shipping + fees + all tax.
/// Ids of lines and refunds are derived from i so they are unique without any shared counter.
/// </summary>
public sealed class OrderFactory(
    long seed, StoreSettings settings, IReadOnlyList<SandboxProduct> products, IReadOnlyList<SandboxCoupon> coupons,
    CustomerFactory customers, DemandModel demand, DefectPlan defects, DateTime startUtc)
{
    private const long Stream = 0x0D3E;
    public const int OrderIdBase = 1000;
    public const int RefundIdBase = 20_000_000;
    private const int OrphanProductBase = 900_000;
    private static readonly string[] UnknownStatuses = ["shipped", "awaiting-shipment", "partially-shipped", "in-transit"];
    private readonly double[] _popularity = CumulativePopularity(products);

    public static int OrderId(long index) => OrderIdBase + (int)index + 1;

    public static long IndexOf(int orderId) => orderId - OrderIdBase - 1L;

    /// <summary>The order a refund id belongs to (refund ids are derived from the order's index), or null for an id no refund can have.</summary>
    public static int? OrderIdOfRefund(long refundId) =>
        refundId >= RefundIdBase && (refundId - RefundIdBase) % 2 == 0 && (refundId - RefundIdBase) / 2 < int.MaxValue - OrderIdBase - 1
            ? OrderId((refundId - RefundIdBase) / 2)
            : null;

    public SandboxOrder Create(long i, DateTime createdUtc, int day, int customerId, OrderState state)
    {
        var id = OrderId(i);
        var rng = new SeededStream(seed, Stream, i);
        var billing = customerId == 0 ? customers.Guest(i) : customers.Create(customerId, createdUtc).Billing;
        var shipping = billing with { Email = "", Phone = "" };
        var taxRate = settings.TaxRate;

        var coupon = rng.Chance(demand.IsPromotion(day, out _) ? 0.35 : 0.07) && coupons.Count > 0 ? coupons[rng.Next(coupons.Count)] : null;
        var lineCount = rng.NextDouble() switch { < 0.55 => 1, < 0.80 => 2, < 0.92 => 3, _ => 4 };
        var lines = new SandboxLineItem[lineCount];
        var itemsSubtotal = 0m;
        for (var k = 0; k < lineCount; k++)
        {
            var product = products[PickProduct(ref rng)];
            var variation = product.IsVariable && product.Variations.Count > 0 ? product.Variations[rng.Next(product.Variations.Count)] : null;
            var price = variation?.Price ?? product.Price;
            var qty = rng.NextDouble() switch { < 0.75 => 1, < 0.93 => 2, _ => rng.Next(3, 6) };
            var subtotal = price * qty;
            itemsSubtotal += subtotal;
            var name = variation is null ? product.Name : product.Name + variation.NameSuffix;
            var meta = variation?.LineMeta ?? [];
            lines[k] = new SandboxLineItem((int)(i * 8 + k + 1), name, product.Id, variation?.Id ?? 0, qty, price,
                subtotal, Round(subtotal * taxRate), subtotal, Round(subtotal * taxRate), variation?.Sku ?? product.Sku, meta);
        }

        var couponLines = Array.Empty<SandboxCouponLine>();
        if (coupon is not null && itemsSubtotal > 0 && itemsSubtotal >= coupon.MinimumAmount)
        {
            var discount = coupon.Kind == CouponKind.Percent ? Round(itemsSubtotal * coupon.Amount / 100m) : Math.Min(coupon.Amount, itemsSubtotal);
            for (var k = 0; k < lines.Length; k++)
            {
                var share = k == lines.Length - 1
                    ? discount - lines.Take(k).Sum(l => l.Subtotal - l.Total)
                    : Round(discount * lines[k].Subtotal / itemsSubtotal);
                var lineTotal = lines[k].Subtotal - share;
                lines[k] = lines[k] with { Total = lineTotal, TotalTax = Round(lineTotal * taxRate) };
            }
            couponLines = [new SandboxCouponLine((int)(i * 8 + 7), coupon.Code, discount, lines.Sum(l => l.SubtotalTax - l.TotalTax))];
        }

        var shippingCost = itemsSubtotal >= 100 ? 0m : 4.99m + rng.Next(0, 3) * 5m;
        var shippingLine = new SandboxShippingLine((int)(i * 8 + 5), shippingCost == 0 ? "Free shipping" : "Flat rate",
            shippingCost == 0 ? "free_shipping" : "flat_rate", shippingCost, Round(shippingCost * taxRate));
        var fees = rng.Chance(0.04)
            ? new[] { new SandboxFeeLine((int)(i * 8 + 6), "Gift wrapping", 3.50m, Round(3.50m * taxRate)) }
            : [];

        var itemsTotal = lines.Sum(l => l.Total);
        var cartTax = lines.Sum(l => l.TotalTax) + fees.Sum(f => f.Tax);
        var totalTax = cartTax + shippingLine.Tax;
        var total = itemsTotal + shippingCost + fees.Sum(f => f.Total) + totalTax;
        var discountTotal = lines.Sum(l => l.Subtotal - l.Total);
        var refunds = state.RefundUtc is { } refundAt ? Refund(i, id, refundAt, state.FullRefund, lines, total) : [];
        var (methodId, methodTitle) = OrderLifecycle.PaymentMethods[state.PaymentMethod];

        var order = new SandboxOrder(id, $"wc_order_{rng.NextULong() & 0xFFFFFFFFFFFF:x12}", state.Status, customerId, createdUtc, createdUtc,
            state.ModifiedUtc, state.PaidUtc, state.CompletedUtc, billing, shipping, methodId, methodTitle,
            state.PaidUtc is null || methodId is "bacs" or "cod" ? "" : $"ch_{rng.NextULong():x16}",
            $"{rng.Next(1, 223)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}",
            rng.Chance(0.6) ? "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" : "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)",
            rng.Chance(0.05) ? "Bitte an der Tür klingeln — merci!" : "", lines, shippingLine, fees, couponLines, refunds,
            (int)(i * 8 + 8), discountTotal, lines.Sum(l => l.SubtotalTax - l.TotalTax), cartTax, total, totalTax);
        return ApplyDefects(order, i);
    }

    private SandboxOrder ApplyDefects(SandboxOrder order, long i)
    {
        var id = order.Id;
        if (defects.Has(SandboxEntity.Order, id, DefectKind.TotalsMismatch))
            order = order with { Total = order.Total + 1m + Math.Round((decimal)defects.Shape(SandboxEntity.Order, id, DefectKind.TotalsMismatch) * 24m, 2) };
        if (defects.Has(SandboxEntity.Order, id, DefectKind.MissingDate))
            order = order with { CreatedUtc = null };
        else if (defects.Has(SandboxEntity.Order, id, DefectKind.FutureDate))
        {
            var from = order.TrueCreatedUtc > startUtc ? order.TrueCreatedUtc : startUtc;
            order = order with { CreatedUtc = from.AddDays(30 + 335 * defects.Shape(SandboxEntity.Order, id, DefectKind.FutureDate)) };
        }
        if (defects.Has(SandboxEntity.Order, id, DefectKind.OrphanLineItem))
        {
            var orphan = order.LineItems[0] with { ProductId = OrphanProductBase + (int)(i % 1000), VariationId = 0, Sku = "" };
            order = order with { LineItems = [orphan, .. order.LineItems.Skip(1)] };
        }
        if (defects.Has(SandboxEntity.Order, id, DefectKind.UnknownStatus))
            order = order with { Status = UnknownStatuses[(int)(defects.Shape(SandboxEntity.Order, id, DefectKind.UnknownStatus) * UnknownStatuses.Length)] };
        return order;
    }

    private static SandboxRefund[] Refund(long i, int orderId, DateTime at, bool full, SandboxLineItem[] lines, decimal orderTotal)
    {
        var refundId = RefundIdBase + (int)(i * 2);
        if (full)
        {
            var fullLines = lines.Select((l, k) => new SandboxRefundLine((int)(i * 8 + k + 1) + 400_000_000, l, l.Quantity, l.Total, l.TotalTax)).ToArray();
            return [new SandboxRefund(refundId, orderId, at, orderTotal, "Customer returned the order", fullLines)];
        }
        var line = lines[0];
        var unitTotal = Round(line.Total / line.Quantity);
        var unitTax = Round(line.TotalTax / line.Quantity);
        return [new SandboxRefund(refundId, orderId, at, unitTotal + unitTax, "Damaged item",
            [new SandboxRefundLine((int)(i * 8 + 1) + 400_000_000, line, 1, unitTotal, unitTax)])];
    }

    private int PickProduct(ref SeededStream rng)
    {
        var x = rng.NextDouble() * _popularity[^1];
        var k = Array.BinarySearch(_popularity, x);
        return Math.Min(k < 0 ? ~k : k, _popularity.Length - 1);
    }

    private static double[] CumulativePopularity(IReadOnlyList<SandboxProduct> products)
    {
        var c = new double[products.Count];
        var sum = 0.0;
        for (var k = 0; k < c.Length; k++) c[k] = sum += products[k].Popularity;
        return c;
    }

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);
}
