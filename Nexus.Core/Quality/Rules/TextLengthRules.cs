using Nexus.Core.Model;
using static Nexus.Core.Quality.Rules.QualitySeverity;

namespace Nexus.Core.Quality.Rules;

/// <summary>
/// Maximum lengths of the text fields Nexus keeps. A store is untrusted: a 50 MB <c>first_name</c> is not a name,
/// and storing it would bloat the database and every page that shows it. Longer values quarantine the record with
/// the field named, so nothing is dropped and the merchant can see what the store sent.
/// </summary>
public static class TextLimits
{
    public const int Name = 500;
    public const int Email = 320;
    public const int Phone = 64;
    public const int Code = 200;      // ids, SKUs, numbers, statuses, currency and country codes
    public const int AddressLine = 1000;
    public const int Note = 20_000;   // customer notes

    /// <summary>The first field over its limit, reported with its length (the value itself is too big to show).</summary>
    public static Finding? FirstTooLong(params ReadOnlySpan<(string Field, string? Value, int Max)> fields)
    {
        foreach (var (field, value, max) in fields)
            if (value is { Length: var length } && length > max)
                return new Finding(field, $"{field} of {length:N0} characters (at most {max:N0})");
        return null;
    }

    public static Finding? Address(string prefix, Address? a) => a is null ? null : FirstTooLong(
        ($"{prefix}.first_name", a.FirstName, Name), ($"{prefix}.last_name", a.LastName, Name), ($"{prefix}.company", a.Company, Name),
        ($"{prefix}.address_1", a.Line1, AddressLine), ($"{prefix}.address_2", a.Line2, AddressLine), ($"{prefix}.city", a.City, Name),
        ($"{prefix}.state", a.Region, Name), ($"{prefix}.postcode", a.PostalCode, Code), ($"{prefix}.country", a.CountryCode, Code),
        ($"{prefix}.email", a.Email, Email), ($"{prefix}.phone", a.Phone, Phone));
}

public sealed class CustomerTextLength() : CustomerRule("customer.text-length", Error,
    "A text field is far longer than any real value: {value}.", "Look at this customer in the store admin: a plugin or an attacker filled the field with junk. Correct it, then sync again.", quarantines: true)
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        TextLimits.FirstTooLong(("id", c.PlatformId, TextLimits.Code), ("email", c.Email, TextLimits.Email), ("first_name", c.FirstName, TextLimits.Name),
            ("last_name", c.LastName, TextLimits.Name), ("phone", c.Phone, TextLimits.Phone), ("username", c.Username, TextLimits.Name))
        ?? TextLimits.Address("billing", c.Billing) ?? TextLimits.Address("shipping", c.Shipping);
}

public sealed class ProductTextLength() : ProductRule("product.text-length", Error,
    "A text field is far longer than any real value: {value}.", "Look at this product in the store admin: a plugin or an attacker filled the field with junk. Correct it, then sync again.", quarantines: true)
{
    public override Finding? Check(Product p, QualityCheckContext ctx) =>
        TextLimits.FirstTooLong(("id", p.PlatformId, TextLimits.Code), ("name", p.Name, TextLimits.Name), ("slug", p.Slug, TextLimits.Name),
            ("sku", p.Sku, TextLimits.Code), ("type", p.RawType, TextLimits.Code), ("status", p.Status, TextLimits.Code));
}

public sealed class OrderTextLength() : OrderRule("order.text-length", Error,
    "A text field is far longer than any real value: {value}.", "Look at this order in the store admin: a plugin or an attacker filled the field with junk. Correct it, then sync again.", quarantines: true)
{
    public override Finding? Check(Order o, QualityCheckContext ctx) =>
        TextLimits.FirstTooLong(("id", o.PlatformId, TextLimits.Code), ("number", o.Number, TextLimits.Code), ("billing_email", o.BillingEmail, TextLimits.Email),
            ("status", o.RawStatus, TextLimits.Code), ("currency", o.Currency, TextLimits.Code), ("customer_note", o.CustomerNote, TextLimits.Note))
        ?? TextLimits.Address("billing", o.Billing) ?? TextLimits.Address("shipping", o.Shipping)
        ?? o.Lines.Select(l => TextLimits.FirstTooLong(("line_items.name", l.Name, TextLimits.Name), ("line_items.sku", l.Sku, TextLimits.Code))).FirstOrDefault(f => f is not null);
}
