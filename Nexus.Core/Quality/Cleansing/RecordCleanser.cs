using Nexus.Core.Model;

namespace Nexus.Core.Quality.Cleansing;

/// <summary>
/// Cleanses canonical records before validation: whitespace and case, e-mails lower-cased, countries to ISO 3166
/// alpha-2, phones to E.164, currency codes, dates to UTC. Every change is logged (see <see cref="CleansingLog"/>);
/// a value no cleanser can fix is left exactly as sent, for the rules to report.
/// </summary>
public static class RecordCleanser
{
    public static Customer Cleanse(Customer c, CleansingLog log)
    {
        // A national phone number is read with the billing country, else the shipping one (a blank billing
        // address must not make a good phone look malformed).
        var shippingCountry = Countries.ToAlpha2(c.Shipping?.CountryCode);
        var billing = Address(c.Billing, "billing", log, fallbackCountry: shippingCountry);
        var country = Countries.IsAlpha2(billing?.CountryCode) ? billing!.CountryCode : shippingCountry;
        var shipping = Address(c.Shipping, "shipping", log, fallbackCountry: country);
        var cleansed = c with
        {
            Email = log.Track("email", c.Email, TextCleanser.Email(c.Email), Cleansers.EmailLowerCase),
            FirstName = log.Track("first_name", c.FirstName, TextCleanser.Whitespace(c.FirstName), Cleansers.Whitespace),
            LastName = log.Track("last_name", c.LastName, TextCleanser.Whitespace(c.LastName), Cleansers.Whitespace),
            Username = log.Track("username", c.Username, TextCleanser.Whitespace(c.Username), Cleansers.Whitespace),
            Phone = Phone("phone", c.Phone, country, log),
            Billing = billing,
            Shipping = shipping,
            CreatedAt = log.TrackUtc("date_created", c.CreatedAt),
            ModifiedAt = log.TrackUtc("date_modified", c.ModifiedAt),
        };
        return log.Any ? cleansed with { Extras = log.AttachTo(c.Extras) } : c;
    }

    public static Product Cleanse(Product p, CleansingLog log)
    {
        var cleansed = p with
        {
            // A blank name stays "" (the model requires a string): the rule reports it.
            Name = log.Track("name", p.Name, TextCleanser.Whitespace(p.Name), Cleansers.Whitespace) ?? "",
            Sku = log.Track("sku", p.Sku, TextCleanser.Whitespace(p.Sku), Cleansers.Whitespace),
            Status = log.Track("status", p.Status, TextCleanser.Lower(p.Status), Cleansers.StatusLowerCase),
            CreatedAt = log.TrackUtc("date_created", p.CreatedAt),
            ModifiedAt = log.TrackUtc("date_modified", p.ModifiedAt),
        };
        return log.Any ? cleansed with { Extras = log.AttachTo(p.Extras) } : p;
    }

    public static Order Cleanse(Order o, CleansingLog log)
    {
        var billing = Address(o.Billing, "billing", log, fallbackCountry: null);
        var shipping = Address(o.Shipping, "shipping", log, fallbackCountry: billing?.CountryCode);
        var currency = Currencies.Normalize(o.Currency) ?? o.Currency;
        var cleansed = o with
        {
            Currency = log.Track("currency", o.Currency, currency, Cleansers.CurrencyIso)!,
            RawStatus = log.Track("status", o.RawStatus, TextCleanser.Lower(o.RawStatus) ?? "", Cleansers.StatusLowerCase)!,
            BillingEmail = log.Track("billing.email", o.BillingEmail, TextCleanser.Email(o.BillingEmail), Cleansers.EmailLowerCase),
            Billing = billing,
            Shipping = shipping,
            CreatedAt = log.TrackUtc("date_created", o.CreatedAt) ?? o.CreatedAt,
            ModifiedAt = log.TrackUtc("date_modified", o.ModifiedAt),
            PaidAt = log.TrackUtc("date_paid", o.PaidAt),
            CompletedAt = log.TrackUtc("date_completed", o.CompletedAt),
        };
        return log.Any ? cleansed with { Extras = log.AttachTo(o.Extras) } : o;
    }

    private static Address? Address(Address? a, string prefix, CleansingLog log, string? fallbackCountry)
    {
        if (a is null) return null;
        var before = log.Changes.Count;
        var country = a.CountryCode is null ? null : Countries.ToAlpha2(a.CountryCode) ?? TextCleanser.Whitespace(a.CountryCode);
        var cleansed = a with
        {
            FirstName = log.Track(prefix + ".first_name", a.FirstName, TextCleanser.Whitespace(a.FirstName), Cleansers.Whitespace),
            LastName = log.Track(prefix + ".last_name", a.LastName, TextCleanser.Whitespace(a.LastName), Cleansers.Whitespace),
            Company = log.Track(prefix + ".company", a.Company, TextCleanser.Whitespace(a.Company), Cleansers.Whitespace),
            Line1 = log.Track(prefix + ".address_1", a.Line1, TextCleanser.Whitespace(a.Line1), Cleansers.Whitespace),
            Line2 = log.Track(prefix + ".address_2", a.Line2, TextCleanser.Whitespace(a.Line2), Cleansers.Whitespace),
            City = log.Track(prefix + ".city", a.City, TextCleanser.Whitespace(a.City), Cleansers.Whitespace),
            Region = log.Track(prefix + ".state", a.Region, TextCleanser.Whitespace(a.Region), Cleansers.Whitespace),
            PostalCode = log.Track(prefix + ".postcode", a.PostalCode, TextCleanser.Upper(a.PostalCode), Cleansers.PostcodeUpper),
            CountryCode = log.Track(prefix + ".country", a.CountryCode, country, Cleansers.CountryIso),
            Email = log.Track(prefix + ".email", a.Email, TextCleanser.Email(a.Email), Cleansers.EmailLowerCase),
            Phone = Phone(prefix + ".phone", a.Phone, Countries.IsAlpha2(country) ? country : fallbackCountry, log),
        };
        return log.Changes.Count == before ? a : cleansed;
    }

    private static string? Phone(string field, string? phone, string? country, CleansingLog log)
    {
        if (phone is null) return null;
        var verdict = PhoneNumbers.TryNormalize(phone, country, out var e164);
        var after = PhoneNumbers.IsUsable(verdict) ? e164 : TextCleanser.Whitespace(phone);
        return log.Track(field, phone, after, PhoneNumbers.IsUsable(verdict) ? Cleansers.PhoneE164 : Cleansers.Whitespace);
    }
}
