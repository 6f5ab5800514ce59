namespace Nexus.Core.Currency;

/// <summary>SQL-only helpers the EF model translates (registered in <c>NexusDbContext.Currency</c>).</summary>
public static class FxSql
{
    /// <summary>Stored DateTimeOffset units per day: 2^11 (the offset bits) × ticks per day / 1000.</summary>
    public const long BinaryUnitsPerDay = 2048L * (TimeSpan.TicksPerDay / 1000);

    /// <summary>The UTC day of a stored instant as <see cref="DateOnly.DayNumber"/>; runs only inside a query.</summary>
    public static int DayOf(DateTimeOffset at) => throw new InvalidOperationException($"{nameof(DayOf)} runs in SQL only (inside a LINQ query on NexusDbContext).");
}
