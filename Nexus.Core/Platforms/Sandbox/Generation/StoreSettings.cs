namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>Store-wide settings that every record shares: one currency, one tax rate, one time zone.</summary>
public sealed record StoreSettings(string Currency, string Country, TimeSpan UtcOffset, decimal TaxRate, string TaxLabel, string TaxRateCode)
{
    private static readonly StoreSettings[] Presets =
    [
        new("USD", "US", TimeSpan.FromHours(-5), 0.0725m, "State Tax", "US-CA-STATE TAX-1"),
        new("EUR", "DE", TimeSpan.FromHours(1), 0.19m, "MwSt.", "DE-MWST.-1"),
        new("GBP", "GB", TimeSpan.Zero, 0.20m, "VAT", "GB-VAT-1"),
        new("EUR", "FR", TimeSpan.FromHours(1), 0.20m, "TVA", "FR-TVA-1"),
        new("CAD", "CA", TimeSpan.FromHours(-4), 0.13m, "HST", "CA-ON-HST-1"),
    ];

    /// <summary>Picks a preset from the seed; a configured currency overrides the preset's.</summary>
    public static StoreSettings For(long seed, string? currency)
    {
        var preset = Presets[(int)(SeededStream.Mix((ulong)seed) % (ulong)Presets.Length)];
        return string.IsNullOrWhiteSpace(currency) ? preset : preset with { Currency = currency.Trim().ToUpperInvariant() };
    }

    public DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc + UtcOffset, DateTimeKind.Unspecified);
}

/// <summary>Everything needed to (re)generate a store byte for byte.</summary>
/// <param name="Spec">Overrides <paramref name="Size"/>'s counts (benchmarks size stores freely); null = the profile's.</param>
public sealed record GenerationOptions(long Seed, SizeProfile Size, DateTime StartUtc, Defects.DefectRates Defects, string? Currency = null, SizeSpec? Spec = null)
{
    /// <summary>The counts to generate: <see cref="Spec"/> when set, else the profile's.</summary>
    public SizeSpec Counts => Spec ?? SizeSpec.For(Size);

    /// <summary>The clock starts at midnight UTC so "orders up to now" is a whole number of generated days.</summary>
    public DateTime StartDayUtc => DateTime.SpecifyKind(StartUtc.Date, DateTimeKind.Utc);
}
