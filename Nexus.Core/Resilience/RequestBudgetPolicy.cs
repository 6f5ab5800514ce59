namespace Nexus.Core.Resilience;

/// <summary>
/// The arithmetic of one store's request budget, shared by the in-process bucket (<see cref="RequestBudget"/>) and
/// the database one (<see cref="SharedRequestBudgetLedger"/>) so both slow down and recover alike. The burst is a
/// tenth of the budget and the refill rate is the rest, so no 60-second window sees more than the budget
/// (burst + rate·60 s = budget). A 429 halves the rate, each success wins back 2% of it (additive increase,
/// multiplicative decrease), never below 1/32 of the configured rate so a sync always progresses.
/// </summary>
public sealed record RequestBudgetPolicy
{
    private const double MinimumShare = 1.0 / 32;
    private const double RecoveryShare = 1.0 / 50;

    /// <summary>
    /// How long a block of tokens claimed from the shared budget may be spent locally. A process never holds more
    /// than this much of the rate, so what it holds is part of the burst rather than on top of it.
    /// </summary>
    public static readonly TimeSpan BlockLifetime = TimeSpan.FromSeconds(1);

    public RequestBudgetPolicy(int requestsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerMinute);
        RequestsPerMinute = requestsPerMinute;
        Burst = Math.Max(1, Math.Floor(requestsPerMinute / 10.0));
        MaxRatePerSecond = Math.Max(requestsPerMinute - Burst, 1) / 60.0;
        // What processes may hold in claimed blocks comes out of the shared bucket's capacity.
        SharedCapacity = Math.Max(1, Burst - LargestBlock(MaxRatePerSecond));
    }

    public int RequestsPerMinute { get; }

    /// <summary>Requests that may go out at once after a quiet spell.</summary>
    public double Burst { get; }

    /// <summary>The configured refill rate; 429s lower the current rate below it.</summary>
    public double MaxRatePerSecond { get; }

    /// <summary>The shared bucket's capacity: the burst less the largest block a process may be holding.</summary>
    public double SharedCapacity { get; }

    public double MinRatePerSecond => MaxRatePerSecond * MinimumShare;

    /// <summary>The rate after a 429.</summary>
    public double Slowed(double ratePerSecond) => Math.Max(MinRatePerSecond, ratePerSecond / 2);

    /// <summary>The rate after <paramref name="successes"/> requests went through.</summary>
    public double Recovered(double ratePerSecond, int successes) =>
        Math.Min(MaxRatePerSecond, ratePerSecond + successes * MaxRatePerSecond * RecoveryShare);

    /// <summary>Tokens after <paramref name="elapsed"/> of refilling at <paramref name="ratePerSecond"/>, up to <paramref name="capacity"/>.</summary>
    public static double Refilled(double tokens, TimeSpan elapsed, double ratePerSecond, double capacity) =>
        elapsed > TimeSpan.Zero ? Math.Min(capacity, tokens + elapsed.TotalSeconds * ratePerSecond) : tokens;

    /// <summary>The most tokens one claim may take at <paramref name="ratePerSecond"/>: a <see cref="BlockLifetime"/>'s worth, at least one.</summary>
    public int LargestBlock(double ratePerSecond) => Math.Max(1, (int)Math.Floor(ratePerSecond * BlockLifetime.TotalSeconds));
}
