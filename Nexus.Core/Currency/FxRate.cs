using Nexus.Core.Tenancy;

namespace Nexus.Core.Currency;

/// <summary>
/// One ECB reference rate: units of <see cref="Currency"/> per 1 EUR on one ECB business day. Only days the ECB quoted
/// are stored (no weekends, TARGET holidays or days a currency was not quoted); a lookup takes the latest earlier day.
/// Shared by every tenant: the ECB's figures are the same for everyone (a merchant's own rates are
/// <see cref="FxRateOverride"/>).
/// </summary>
public sealed class FxRate
{
    /// <summary>The ECB day as <see cref="DateOnly.DayNumber"/>: an integer the database compares with an order's day (<see cref="FxSql.DayOf"/>).</summary>
    public int Day { get; set; }

    /// <summary>ISO 4217 code, upper case. EUR itself is never stored (its rate is 1).</summary>
    public string Currency { get; set; } = "";

    /// <summary>Units of the currency per 1 EUR, as the ECB publishes it (e.g. USD 1.0395).</summary>
    public double PerEur { get; set; }

    public DateOnly Date => DateOnly.FromDayNumber(Day);
}

/// <summary>
/// A merchant's own rate for a currency over a range of days (both inclusive), used instead of the ECB's on those days
/// for that merchant only: e.g. the rate their bank actually paid. Kept apart from <see cref="FxRate"/> so an ECB
/// import can replace the ECB rows without touching what merchants typed.
/// </summary>
public sealed class FxRateOverride : ITenantOwned
{
    public int Id { get; set; }

    public Guid TenantId { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>First day (a <see cref="DateOnly.DayNumber"/>) the override applies to.</summary>
    public int FromDay { get; set; }

    /// <summary>Last day (inclusive) it applies to.</summary>
    public int ToDay { get; set; }

    /// <summary>Units of the currency per 1 EUR, like the ECB's figure.</summary>
    public double PerEur { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
