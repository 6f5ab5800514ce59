using Nexus.Core.Platforms.Sandbox.Defects;

namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>
/// Builds customer records (registered and guest) as pure functions of (seed, id, clock). A customer edits
/// their profile now and then (new phone or address); the edit times are fixed from the seed, so advancing
/// the clock past one changes that customer's date_modified and data, which incremental syncs must find.
/// </summary>
public sealed class CustomerFactory(long seed, DateTime historyStartUtc, CustomerPopulation population, DefectPlan defects)
{
    private const long CustomerStream = 0xC0;
    private const long EditStream = 0xED17;
    private const long GuestStream = 0x6E57;
    private static readonly string[] BadPhones = ["12", "phone", "n/a", "+1 (555) 555-55555555555", "000-CALL-ME"];

    public SandboxCustomer Create(int id, DateTime asOfUtc, bool isPayingCustomer = false)
    {
        var rng = new SeededStream(seed, CustomerStream, id);
        var locale = LocalePools.PickLocale(ref rng);
        var first = rng.Pick(locale.FirstNames);
        var last = rng.Pick(locale.LastNames);
        var created = historyStartUtc.AddDays(population.SignupDay(id)).AddSeconds(rng.Next(86_400));
        var local = LocalePart(first, last, id);
        var email = $"{local}@{locale.EmailDomain}";

        var (edits, lastEdit) = EditsUpTo(id, created, asOfUtc);
        var addressRng = edits == 0 ? rng : new SeededStream(seed, EditStream + 1, id * 64L + edits);
        var billing = Address(locale, first, last, email, ref addressRng);
        var shipping = addressRng.Chance(0.8) ? billing with { Email = "", Phone = "" } : Address(locale, first, last, "", ref addressRng) with { Phone = "" };

        (email, billing) = ApplyDefects(id, email, billing);
        return new SandboxCustomer(id, created, lastEdit ?? created.AddSeconds(2), email, first, last, local, billing, shipping, isPayingCustomer);
    }

    /// <summary>date_modified without building the record, for the list filters over 100k customers.</summary>
    public DateTime ModifiedUtc(int id, DateTime asOfUtc)
    {
        var created = Identity(id).CreatedUtc;
        return EditsUpTo(id, created, asOfUtc).LastEdit ?? created.AddSeconds(2);
    }

    /// <summary>Name and registration time only (they never change), for sorting without building records.</summary>
    public (string FirstName, string LastName, DateTime CreatedUtc) Identity(int id)
    {
        var rng = new SeededStream(seed, CustomerStream, id);
        var locale = LocalePools.PickLocale(ref rng);
        var first = rng.Pick(locale.FirstNames);
        var last = rng.Pick(locale.LastNames);
        return (first, last, historyStartUtc.AddDays(population.SignupDay(id)).AddSeconds(rng.Next(86_400)));
    }

    /// <summary>A one-off buyer's billing details for a guest order.</summary>
    public SandboxAddress Guest(long orderIndex)
    {
        var rng = new SeededStream(seed, GuestStream, orderIndex);
        var locale = LocalePools.PickLocale(ref rng);
        var first = rng.Pick(locale.FirstNames);
        var last = rng.Pick(locale.LastNames);
        return Address(locale, first, last, $"{LocalePart(first, last, (int)(orderIndex % 100_000))}.guest@{locale.EmailDomain}", ref rng);
    }

    private (int Count, DateTime? LastEdit) EditsUpTo(int id, DateTime createdUtc, DateTime asOfUtc)
    {
        var rng = new SeededStream(seed, EditStream, id);
        var at = createdUtc;
        var count = 0;
        DateTime? last = null;
        while (count < 63)
        {
            at = at.AddDays(-Math.Log(1 - rng.NextDouble()) * 300); // about one edit every ten months
            if (at > asOfUtc) break;
            count++;
            last = at;
        }
        return (count, last);
    }

    private (string Email, SandboxAddress Billing) ApplyDefects(int id, string email, SandboxAddress billing)
    {
        if (defects.Has(SandboxEntity.Customer, id, DefectKind.InvalidEmail))
        {
            var at = email.IndexOf('@');
            email = (int)(defects.Shape(SandboxEntity.Customer, id, DefectKind.InvalidEmail) * 4) switch
            {
                0 => email.Replace("@", ""),
                1 => email.Replace("@", "@@"),
                2 => email.Insert(at, " x"),
                // Cut the whole domain suffix: cutting only the last label turns "example.co.uk" into the valid
                // "example.co", and the truth would then mark a valid address as invalid.
                _ => email[..email.IndexOf('.', at)],
            };
        }
        else if (defects.Has(SandboxEntity.Customer, id, DefectKind.DuplicateEmail))
            email = ServedValidEmail(defects.DuplicateOf(SandboxEntity.Customer, id, DefectKind.DuplicateEmail)!.Value);
        billing = billing with { Email = email };
        if (defects.Has(SandboxEntity.Customer, id, DefectKind.MissingAddress))
            billing = billing with { Address1 = "", Address2 = "", City = "", State = "", Postcode = "", Country = "" };
        else if (defects.Has(SandboxEntity.Customer, id, DefectKind.PartialAddress))
            billing = billing with { City = "", Postcode = "" };
        if (defects.Has(SandboxEntity.Customer, id, DefectKind.MalformedPhone))
            billing = billing with { Phone = BadPhones[(int)(defects.Shape(SandboxEntity.Customer, id, DefectKind.MalformedPhone) * BadPhones.Length)] };
        return (email, billing);
    }

    /// <summary>The e-mail a (valid-e-mail) customer serves: its own, or, if it is itself a duplicate, what it copies.</summary>
    private string ServedValidEmail(int id)
    {
        while (defects.DuplicateOf(SandboxEntity.Customer, id, DefectKind.DuplicateEmail) is { } target
               && defects.Has(SandboxEntity.Customer, id, DefectKind.DuplicateEmail))
            id = target;
        return BaseEmail(id);
    }

    private string BaseEmail(int id)
    {
        var rng = new SeededStream(seed, CustomerStream, id);
        var locale = LocalePools.PickLocale(ref rng);
        var first = rng.Pick(locale.FirstNames);
        var last = rng.Pick(locale.LastNames);
        return $"{LocalePart(first, last, id)}@{locale.EmailDomain}";
    }

    private static string LocalePart(string first, string last, int id)
    {
        var f = LocalePools.AsciiSlug(first);
        var l = LocalePools.AsciiSlug(last);
        var name = f.Length > 0 && l.Length > 0 ? $"{f}.{l}" : "customer";
        return $"{name}{id}";
    }

    private static SandboxAddress Address(Locale locale, string first, string last, string email, ref SeededStream rng)
    {
        var street = $"{rng.Next(1, 400)} {rng.Pick(locale.Streets)}";
        return new SandboxAddress(first, last, rng.Pick(LocalePools.Companies), street, rng.Chance(0.2) ? $"Apt {rng.Next(1, 60)}" : "",
            rng.Pick(locale.Cities), rng.Pick(locale.States), LocalePools.FillPattern(locale.PostcodePattern, ref rng),
            locale.Country, email, LocalePools.FillPattern(locale.PhonePattern, ref rng));
    }
}
