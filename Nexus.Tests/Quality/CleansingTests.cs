using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Quality.Cleansing;

namespace Nexus.Tests.Quality;

public sealed class CleansingTests
{
    [Theory]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("1-415-555-2671", "US", "+14155552671")]          // trunk 1
    [InlineData("(004) 795-8424", "US", "+10047958424")]          // NANP: 00 is not an exit code
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]    // NANP exit code
    [InlineData("+49 30 1234567", null, "+49301234567")]
    [InlineData("0049 30 1234567", "FR", "+49301234567")]         // 00 exit code outside North America
    [InlineData("030 1234567", "DE", "+49301234567")]             // trunk 0 dropped
    [InlineData("+44 (0)20 7946 0958", null, "+442079460958")]    // "(0)" written after the country code
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("+7 912 345-67-89", "RU", "+79123456789")]
    [InlineData("8 912 345 67 89", "RU", "+79123456789")]         // Russian trunk prefix is 8
    [InlineData("+81 90-1234-5678", "JP", "+819012345678")]
    [InlineData("+55 11 91234-5678", "BR", "+5511912345678")]
    [InlineData("+30 210 123 4567", "GR", "+302101234567")]
    [InlineData("\u00A0+46 70 123 45 67 ", "SE", "+46701234567")]  // no-break space
    public void Phones_normalise_to_E164(string raw, string? country, string expected)
    {
        Assert.Equal(PhoneVerdict.Valid, PhoneNumbers.TryNormalize(raw, country, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("12", "US", PhoneVerdict.Invalid)]
    [InlineData("phone", "US", PhoneVerdict.Invalid)]
    [InlineData("n/a", "DE", PhoneVerdict.Invalid)]
    [InlineData("+1 (555) 555-55555555555", "US", PhoneVerdict.Invalid)]   // more than 15 digits
    [InlineData("000-CALL-ME", "US", PhoneVerdict.Invalid)]
    [InlineData("", "US", PhoneVerdict.Invalid)]
    [InlineData("+44 20 79", null, PhoneVerdict.Invalid)]                   // too short for the UK plan
    [InlineData("+0 123 456 789", null, PhoneVerdict.Invalid)]
    [InlineData("030 1234567", null, PhoneVerdict.NoCountry)]
    [InlineData("+850 2 123 4567", null, PhoneVerdict.ShapeOnly)]           // a code the table does not cover
    [InlineData("٠١٢٣٤٥٦٧٨٩", "US", PhoneVerdict.Invalid)]                 // Arabic-Indic digits are not ASCII digits
    public void Non_numbers_are_not_made_up(string raw, string? country, PhoneVerdict expected) =>
        Assert.Equal(expected, PhoneNumbers.TryNormalize(raw, country, out _));

    [Theory]
    [InlineData("de", "DE")]
    [InlineData(" Deutschland ", "DE")]
    [InlineData("España", "ES")]
    [InlineData("ESPANA", "ES")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("U.K.", "GB")]
    [InlineData("usa", "US")]
    [InlineData("Россия", "RU")]
    [InlineData("日本", "JP")]
    [InlineData("Ελλάδα", "GR")]
    [InlineData("Brasil", "BR")]
    [InlineData("Atlantis", null)]
    [InlineData("XX", null)]
    [InlineData("", null)]
    public void Countries_to_ISO_alpha2(string text, string? expected) => Assert.Equal(expected, Countries.ToAlpha2(text));

    [Theory]
    [InlineData("usd", "USD")]
    [InlineData(" Eur ", "EUR")]
    [InlineData("€", "EUR")]
    [InlineData("zł", "PLN")]
    [InlineData("XYZ", null)]
    [InlineData("", null)]
    public void Currencies_to_ISO4217(string text, string? expected) => Assert.Equal(expected, Currencies.Normalize(text));

    [Theory]
    [InlineData("  Ana  \t Müller\n", "Ana Müller")]
    [InlineData("Zoe\u0308", "Zoë")]                 // decomposed diacritic composed to NFC
    [InlineData("\u00A0\u2003", null)]                // only Unicode spaces → missing
    [InlineData("", null)]
    [InlineData("佐藤 太郎", "佐藤 太郎")]
    public void Whitespace_is_trimmed_collapsed_and_composed(string raw, string? expected) => Assert.Equal(expected, TextCleanser.Whitespace(raw));

    [Fact]
    public void Clean_text_is_returned_as_the_same_instance()
    {
        const string clean = "Ana Müller";
        Assert.Same(clean, TextCleanser.Whitespace(clean));
    }

    [Fact]
    public void A_customer_is_cleansed_and_every_change_is_logged_in_the_record()
    {
        var raw = new Customer
        {
            PlatformId = "7", Email = "  Ana.Muller@Example.COM ", FirstName = " Ana ", LastName = "Müller",
            Phone = "(415) 555-2671", CreatedAt = new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            Billing = new Address { Line1 = "1 Main St", City = "Austin", PostalCode = "78701", CountryCode = "United States", Phone = "(415) 555-2671" },
        };
        var cleansed = RecordCleanser.Cleanse(raw, new CleansingLog());

        Assert.Equal("ana.muller@example.com", cleansed.Email);
        Assert.Equal("Ana", cleansed.FirstName);
        Assert.Equal("+14155552671", cleansed.Phone);
        Assert.Equal("US", cleansed.Billing!.CountryCode);
        Assert.Equal(TimeSpan.Zero, cleansed.CreatedAt!.Value.Offset);
        Assert.Equal(raw.CreatedAt!.Value.UtcDateTime, cleansed.CreatedAt.Value.UtcDateTime);
        var log = JsonSerializer.Deserialize<List<CleansingChange>>(cleansed.Extras[CleansingLog.ExtrasKey])!;
        Assert.Contains(log, c => c is { Field: "email", From: "  Ana.Muller@Example.COM ", To: "ana.muller@example.com", Cleanser: Cleansers.EmailLowerCase });
        Assert.Contains(log, c => c is { Field: "billing.country", From: "United States", To: "US", Cleanser: Cleansers.CountryIso });
        Assert.Contains(log, c => c is { Field: "phone", To: "+14155552671", Cleanser: Cleansers.PhoneE164 });
        // The same instant written in UTC is not a changed value: converted, never logged as cleansing.
        Assert.DoesNotContain(log, c => c.Field == "date_created");
    }

    [Fact]
    public void Only_values_that_really_change_are_logged_blank_to_blank_and_offsets_are_not()
    {
        // Platforms send "" for empty address lines and local offsets for dates: nothing a merchant would call cleansing.
        var raw = RuleCases.GoodCustomer with
        {
            CreatedAt = new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            Billing = RuleCases.GoodAddress with { Company = "", Line2 = "  " },
        };
        var log = new CleansingLog();
        var result = RecordCleanser.Cleanse(raw, log);
        Assert.False(log.Any, string.Join(", ", log.Changes));
        Assert.Same(raw, result);

        var changed = new CleansingLog();
        RecordCleanser.Cleanse(raw with { Email = "Ana@Example.com" }, changed);
        Assert.Equal("email", Assert.Single(changed.Changes).Field);
    }

    [Fact]
    public void A_clean_record_comes_back_unchanged_with_no_log()
    {
        var clean = RuleCases.GoodCustomer;
        var log = new CleansingLog();
        Assert.Same(clean, RecordCleanser.Cleanse(clean, log));
        Assert.False(log.Any);
    }

    [Fact]
    public void A_phone_no_cleanser_can_read_is_left_as_sent_for_the_rules()
    {
        var raw = RuleCases.GoodCustomer with { Phone = "n/a" };
        Assert.Equal("n/a", RecordCleanser.Cleanse(raw, new CleansingLog()).Phone);
    }

    [Fact]
    public void A_national_phone_is_read_with_the_shipping_country_when_billing_is_blank()
    {
        var raw = RuleCases.GoodCustomer with
        {
            Phone = "(415) 555-2671",
            Billing = new Address { FirstName = "Ana", Phone = "(415) 555-2671" },
            Shipping = RuleCases.GoodAddress with { CountryCode = "US" },
        };
        Assert.Equal("+14155552671", RecordCleanser.Cleanse(raw, new CleansingLog()).Phone);
    }

    [Fact]
    public void Order_currency_status_and_emails_are_normalised()
    {
        var raw = RuleCases.GoodOrder with { Currency = "eur", RawStatus = " Completed ", BillingEmail = "ANA@EXAMPLE.COM" };
        var log = new CleansingLog();
        var cleansed = RecordCleanser.Cleanse(raw, log);
        Assert.Equal(("EUR", "completed", "ana@example.com"), (cleansed.Currency, cleansed.RawStatus, cleansed.BillingEmail));
        Assert.Equal(3, log.Changes.Count);
    }
}
