using Nexus.Core.Model;
using Nexus.Core.Quality.Cleansing;
using static Nexus.Core.Quality.Rules.QualitySeverity;

namespace Nexus.Core.Quality.Rules;

// Customer rules: one small class each, checked after cleansing (so "Foo@Example.COM " is already lower-cased and
// trimmed). Documented in docs/quality-rules.md; ids are stored with every issue and never renamed.

public sealed class CustomerEmailPresent() : CustomerRule("customer.email-present", Warning,
    "The customer has no e-mail address.", "Ask the customer for an e-mail at their next order, or make it required at sign-up.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) => string.IsNullOrEmpty(c.Email) ? new Finding("email", c.Email) : null;
}

public sealed class CustomerEmailValid() : CustomerRule("customer.email-valid", Error,
    "'{value}' is not a valid e-mail address.", "Correct the address in the customer's profile; e-mails to it bounce and the customer cannot be matched across orders.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        !string.IsNullOrEmpty(c.Email) && !EmailAddress.IsValid(c.Email) ? new Finding("email", c.Email) : null;
}

public sealed class CustomerEmailNotDisposable() : CustomerRule("customer.email-not-disposable", Warning,
    "'{value}' is a throw-away mailbox.", "Block disposable e-mail domains at sign-up; ask the customer for a lasting address.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        EmailAddress.IsValid(c.Email) && EmailAddress.DisposableDomains.Contains(EmailAddress.Domain(c.Email)!) ? new Finding("email", c.Email) : null;
}

public sealed class CustomerEmailUnique() : CustomerRule("customer.email-unique", Error,
    "E-mail '{value}' already belongs to an earlier customer of this store.", "Merge the duplicate accounts in the store admin; duplicates split one person's orders and distort RFM and lifetime value.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        EmailAddress.IsValid(c.Email) && ctx.Facts.IsDuplicateEmail(c.PlatformId, c.Email!) ? new Finding("email", c.Email) : null;
}

public sealed class CustomerEmailDomainTypo() : CustomerRule("customer.email-domain-typo", Info,
    "'{value}' looks like a misspelt mail provider.", "Confirm the address with the customer (e.g. gmial.com → gmail.com); add typo suggestions to the checkout form.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        EmailAddress.Domain(c.Email) is { } d && EmailAddress.DomainTypos.ContainsKey(d) ? new Finding("email", c.Email) : null;
}

public sealed class CustomerNamePresent() : CustomerRule("customer.name-present", Warning,
    "The customer has no first or last name.", "Make first and last name required at checkout; fill them in from the customer's latest order.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        string.IsNullOrEmpty(c.FirstName) || string.IsNullOrEmpty(c.LastName) ? new Finding("first_name", $"{c.FirstName} {c.LastName}".Trim()) : null;
}

public sealed class CustomerNameNotPlaceholder() : CustomerRule("customer.name-not-placeholder", Info,
    "Name '{value}' looks like a placeholder or test entry.", "Check whether this is a test account; delete it or correct the name.")
{
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase) { "test", "asdf", "xxx", "n/a", "na", "none", "null", "customer", "abc", "qwerty", "-", "." };

    public override Finding? Check(Customer c, QualityCheckContext ctx)
    {
        foreach (var name in new[] { c.FirstName, c.LastName })
            if (name is { Length: > 0 } && (Placeholders.Contains(name) || name.All(ch => char.IsDigit(ch) || char.IsPunctuation(ch))))
                return new Finding("first_name", name);
        return null;
    }
}

public sealed class CustomerAddressPresent() : CustomerRule("customer.address-present", Warning,
    "The billing address is empty.", "Ask for the billing address at checkout; without it invoices, tax and regional analytics are incomplete.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) => AddressParts.IsBlank(c.Billing) ? new Finding("billing", null) : null;
}

public sealed class CustomerAddressComplete() : CustomerRule("customer.address-complete", Warning,
    "The billing address is missing {value}.", "Complete the address in the customer's profile (street, city, postcode, country).")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        !AddressParts.IsBlank(c.Billing) && AddressParts.Missing(c.Billing!) is { Length: > 0 } missing ? new Finding("billing", missing) : null;
}

public sealed class CustomerCountryIso() : CustomerRule("customer.country-iso", Error,
    "Country '{value}' is not an ISO 3166 country.", "Pick the country from the store's country list instead of typing it.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx)
    {
        if (c.Billing?.CountryCode is { } b && !Countries.IsAlpha2(b)) return new Finding("billing.country", b);
        if (c.Shipping?.CountryCode is { } s && !Countries.IsAlpha2(s)) return new Finding("shipping.country", s);
        return null;
    }
}

public sealed class CustomerPostcodeFormat() : CustomerRule("customer.postcode-format", Warning,
    "Postcode '{value}' does not fit the address's country.", "Correct the postcode; shipping carriers reject addresses whose postcode does not match the country.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        c.Billing is { CountryCode: { } country, PostalCode: { } postcode } && PostalCodes.Fits(country, postcode) == false
            ? new Finding("billing.postcode", $"{postcode} ({country})") : null;
}

public sealed class CustomerPhoneE164() : CustomerRule("customer.phone-e164", Warning,
    "Phone '{value}' is not a phone number that can be dialled.", "Correct the number in the customer's profile; validate phone numbers at checkout.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx)
    {
        if (c.Phone is null) return null;
        var country = Countries.IsAlpha2(c.Billing?.CountryCode) ? c.Billing!.CountryCode : c.Shipping?.CountryCode;
        return PhoneNumbers.TryNormalize(c.Phone, country, out _) == PhoneVerdict.Invalid ? new Finding("phone", c.Phone) : null;
    }
}

public sealed class CustomerCreatedNotFuture() : CustomerRule("customer.created-not-future", Error,
    "Registration date {value} is in the future.", "Fix the store's server clock or time zone setting; then correct the date.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) => ctx.IsFuture(c.CreatedAt) ? new Finding("date_created", c.CreatedAt!.Value.ToString("O")) : null;
}

public sealed class CustomerModifiedAfterCreated() : CustomerRule("customer.modified-after-created", Info,
    "Last change {value} is before the registration date.", "Usually an import that copied dates; re-save the customer so the platform sets the modification date.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        c is { CreatedAt: { } created, ModifiedAt: { } modified } && modified < created - TimeSpan.FromMinutes(1) ? new Finding("date_modified", modified.ToString("O")) : null;
}

public sealed class CustomerBillingEmailMatches() : CustomerRule("customer.billing-email-matches", Info,
    "Billing e-mail '{value}' differs from the account e-mail.", "Decide which address is current and update the other; receipts go to the billing e-mail.")
{
    public override Finding? Check(Customer c, QualityCheckContext ctx) =>
        c.Billing?.Email is { } billing && c.Email is { } email && !string.Equals(billing, email, StringComparison.Ordinal) ? new Finding("billing.email", billing) : null;
}

/// <summary>Which parts of an address are filled in.</summary>
internal static class AddressParts
{
    public static bool IsBlank(Address? a) => a is null || (a.Line1 is null && a.City is null && a.PostalCode is null && a.CountryCode is null);

    public static string Missing(Address a)
    {
        var missing = new List<string>(4);
        if (a.Line1 is null) missing.Add("street");
        if (a.City is null) missing.Add("city");
        if (a.PostalCode is null) missing.Add("postcode");
        if (a.CountryCode is null) missing.Add("country");
        return string.Join(", ", missing);
    }
}
