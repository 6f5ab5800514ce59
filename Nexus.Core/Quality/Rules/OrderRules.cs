using System.Globalization;
using Nexus.Core.Model;
using Nexus.Core.Quality.Cleansing;
using static Nexus.Core.Quality.Rules.QualitySeverity;

namespace Nexus.Core.Quality.Rules;

// Order rules; see docs/quality-rules.md. Orders are the revenue of every report, so the rules that would put
// money into the wrong month or currency quarantine the order instead of letting it into the numbers.

public sealed class OrderTotalsAddUp() : OrderRule("order.totals-add-up", Error,
    "Total does not add up: {value}.", "Recalculate the order in the store admin; a plugin or manual edit changed the total without its lines.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        var expected = o.ShippingTotal.Amount + o.TaxTotal.Amount;
        foreach (var line in o.Lines) expected += line.Total.Amount;
        foreach (var fee in o.FeeLines) expected += fee.Total.Amount;
        // Each line, fee and the shipping are rounded to the cent on their own.
        var tolerance = 0.01m + 0.005m * (o.Lines.Count + o.FeeLines.Count + 1);
        var difference = o.Total.Amount - expected;
        return Math.Abs(difference) > tolerance
            ? new Finding("total", string.Create(CultureInfo.InvariantCulture, $"{o.Total.Amount} sent, lines + shipping + fees + tax = {expected}"))
            : null;
    }
}

public sealed class OrderCurrencyValid() : OrderRule("order.currency-valid", Error,
    "Currency '{value}' is not an active ISO 4217 currency.", "Set the store currency in the platform's settings; amounts in an unknown currency cannot be summed.", quarantines: true)
{
    public override Finding? Check(Order o, QualityCheckContext ctx) => Currencies.IsActive(o.Currency) ? null : new Finding("currency", o.Currency);
}

public sealed class OrderCurrencyConsistent() : OrderRule("order.currency-consistent", Error,
    "Amounts are in {value}, not the order's currency.", "Check the multi-currency plugin: every amount of an order must be in the order's currency.", quarantines: true)
{
    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        if (o.Total.Currency != o.Currency) return new Finding("total", o.Total.Currency);
        foreach (var line in o.Lines)
            if (line.Total.Currency != o.Currency) return new Finding("line_items.total", line.Total.Currency);
        return null;
    }
}

public sealed class OrderCustomerKnown() : OrderRule("order.customer-known", Warning,
    "Customer {value} is not a customer of this store.", "The account was probably deleted; reassign the order to the right customer or mark it as a guest order.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx) =>
        o.CustomerPlatformId is { } id && ctx.Facts.CustomerExists(id) == false ? new Finding("customer_id", id) : null;
}

public sealed class OrderCreatedNotFuture() : OrderRule("order.created-not-future", Error,
    "Order date {value} is in the future.", "Fix the store's time zone / server clock and correct the order date; until then the order is held in quarantine so it cannot inflate a future month.", quarantines: true)
{
    public override Finding? Check(Order o, QualityCheckContext ctx) => ctx.IsFuture(o.CreatedAt) ? new Finding("date_created", o.CreatedAt.ToString("O")) : null;
}

public sealed class OrderDatesOrdered() : OrderRule("order.dates-ordered", Warning,
    "Dates are out of order: {value}.", "Correct the payment or completion date; an order cannot be paid before it was placed or completed before it was paid.")
{
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        if (o.PaidAt is { } paid && paid < o.CreatedAt - Slack) return new Finding("date_paid", $"paid {paid:O} before created {o.CreatedAt:O}");
        if (o.CompletedAt is { } done && done < o.CreatedAt - Slack) return new Finding("date_completed", $"completed {done:O} before created {o.CreatedAt:O}");
        if (o.CompletedAt is { } completed && o.PaidAt is { } p && completed < p - Slack) return new Finding("date_completed", $"completed {completed:O} before paid {p:O}");
        return null;
    }
}

public sealed class OrderRefundsWithinTotal() : OrderRule("order.refunds-within-total", Error,
    "Refunds of {value} exceed what was paid.", "Check the refunds on this order; refunding more than was paid usually means a refund was recorded twice.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        var refunded = 0m;
        foreach (var refund in o.Refunds) refunded += refund.Amount.Amount;
        return refunded > o.Total.Amount + 0.01m ? new Finding("refunds", string.Create(CultureInfo.InvariantCulture, $"{refunded} > total {o.Total.Amount}")) : null;
    }
}

public sealed class OrderStatusKnown() : OrderRule("order.status-known", Error,
    "Status '{value}' is not a known order status.", "A plugin added this status; map it to a standard one (e.g. 'shipped' → completed) so revenue reports know whether the order counts.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx) => o.Status == OrderStatus.Unknown ? new Finding("status", o.RawStatus) : null;
}

public sealed class OrderLineProductsKnown() : OrderRule("order.line-products-known", Error,
    "Line item refers to product {value}, which is not in the store.", "The product was deleted or the line was imported with a wrong id; re-link the line to an existing product.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        for (var i = 0; i < o.Lines.Count; i++)
            if (o.Lines[i].ProductPlatformId is { } id && ctx.Facts.ProductExists(id) == false)
                return new Finding($"line_items[{i}].product_id", id);
        return null;
    }
}

public sealed class OrderHasLines() : OrderRule("order.has-lines", Error,
    "The order has no line items.", "Check whether this is an abandoned draft or a failed import; delete it or add its items.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx) => o.Lines.Count == 0 ? new Finding("line_items", null) : null;
}

public sealed class OrderLineQuantityPositive() : OrderRule("order.line-quantity-positive", Error,
    "A line has quantity {value}.", "Correct the line's quantity; returns belong in refunds, not negative quantities.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        for (var i = 0; i < o.Lines.Count; i++)
            if (o.Lines[i].Quantity <= 0) return new Finding($"line_items[{i}].quantity", o.Lines[i].Quantity.ToString(CultureInfo.InvariantCulture));
        return null;
    }
}

public sealed class OrderLineDiscountSane() : OrderRule("order.line-discount-sane", Warning,
    "A line's total {value} is above its subtotal (a negative discount).", "Check coupons and price-adjusting plugins on this order; a discount cannot raise a line's price.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        for (var i = 0; i < o.Lines.Count; i++)
            if (o.Lines[i].Total.Amount > o.Lines[i].Subtotal.Amount + 0.01m)
                return new Finding($"line_items[{i}].total", string.Create(CultureInfo.InvariantCulture, $"{o.Lines[i].Total.Amount} > {o.Lines[i].Subtotal.Amount}"));
        return null;
    }
}

public sealed class OrderTotalNotNegative() : OrderRule("order.total-not-negative", Error,
    "Total {value} is negative.", "Negative orders are refunds recorded as orders; record them as refunds on the original order.", quarantines: true)
{
    public override Finding? Check(Order o, QualityCheckContext ctx) => o.Total.Amount < 0 ? new Finding("total", o.Total.Amount.ToString(CultureInfo.InvariantCulture)) : null;
}

public sealed class OrderShippingAddressPresent() : OrderRule("order.shipping-address-present", Warning,
    "The order charges shipping but has no shipping address.", "Require a shipping address at checkout for physical goods; the parcel cannot be sent without it.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx)
    {
        var ships = o.ShippingLines.Any(s => s.MethodId is not ("local_pickup" or "pickup_location"));
        var hasAddress = !AddressParts.IsBlank(o.Shipping) || !AddressParts.IsBlank(o.Billing);
        return ships && !hasAddress ? new Finding("shipping", null) : null;
    }
}

public sealed class OrderBillingEmailValid() : OrderRule("order.billing-email-valid", Warning,
    "Billing e-mail '{value}' is not a valid address.", "Correct the e-mail on the order; receipts bounce and guest orders cannot be tied to one shopper.")
{
    public override Finding? Check(Order o, QualityCheckContext ctx) =>
        o.BillingEmail is { } e && !EmailAddress.IsValid(e) ? new Finding("billing.email", e) : null;
}
