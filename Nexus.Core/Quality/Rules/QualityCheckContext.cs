namespace Nexus.Core.Quality.Rules;

/// <summary>What a rule may know besides the record: the clock and facts about the rest of the store.</summary>
public sealed class QualityCheckContext(DateTimeOffset now, StoreFacts facts)
{
    /// <summary>Dates more than this after <see cref="Now"/> are "in the future" (clock skew between servers is normal).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public DateTimeOffset Now => now;
    public StoreFacts Facts => facts;

    public bool IsFuture(DateTimeOffset? value) => value is { } v && v > now + FutureTolerance;
}
