namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>How big a generated store is. Large is meant to be streamed, never materialised.</summary>
public enum SizeProfile { Tiny, Small, Demo, Large }

/// <summary>Target counts for a profile. Orders are a target: daily counts are Poisson draws around it.</summary>
public sealed record SizeSpec(int Customers, int Products, int Orders, int Coupons, int HistoryDays)
{
    public static SizeSpec For(SizeProfile profile) => profile switch
    {
        SizeProfile.Tiny => new SizeSpec(50, 20, 150, 4, 760),
        SizeProfile.Small => new SizeSpec(1_000, 100, 3_000, 8, 760),
        SizeProfile.Demo => new SizeSpec(2_000, 200, 8_000, 12, 760),
        SizeProfile.Large => new SizeSpec(100_000, 2_000, 1_000_000, 20, 760),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown size profile."),
    };
}
