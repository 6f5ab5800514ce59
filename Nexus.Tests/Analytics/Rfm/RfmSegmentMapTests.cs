using Nexus.Core.Analytics.Rfm;

namespace Nexus.Tests.Analytics.Rfm;

public class RfmSegmentMapTests
{
    // The documented grid (docs/analytics.md), rows FM = 5..1, columns R = 1..5.
    private static readonly string[][] Grid =
    [
        ["CantLoseThem", "CantLoseThem", "LoyalCustomers", "LoyalCustomers", "Champions"],
        ["AtRisk", "AtRisk", "LoyalCustomers", "LoyalCustomers", "Champions"],
        ["AtRisk", "AtRisk", "NeedAttention", "PotentialLoyalist", "PotentialLoyalist"],
        ["Lost", "Hibernating", "AboutToSleep", "PotentialLoyalist", "PotentialLoyalist"],
        ["Lost", "Hibernating", "AboutToSleep", "Promising", "NewCustomers"],
    ];

    [Fact]
    public void Every_cell_of_the_documented_grid_maps_to_its_segment()
    {
        for (var fm = 5; fm >= 1; fm--)
            for (var r = 1; r <= 5; r++)
                Assert.Equal(Enum.Parse<RfmSegment>(Grid[5 - fm][r - 1]), RfmSegmentMap.Classify(r, fm));
    }

    [Fact]
    public void All_eleven_segments_are_reachable()
    {
        var reached = (from r in Enumerable.Range(1, 5) from fm in Enumerable.Range(1, 5) select RfmSegmentMap.Classify(r, fm)).ToHashSet();
        Assert.Equal(Enum.GetValues<RfmSegment>().ToHashSet(), reached);
    }

    [Theory]
    [InlineData(5, 4, 5)]
    [InlineData(1, 2, 2)]
    [InlineData(3, 3, 3)]
    [InlineData(1, 5, 3)]
    public void Fm_score_is_the_mean_rounded_half_up(int f, int m, int expected) =>
        Assert.Equal(expected, RfmSegmentMap.FmScore(f, m));

    [Fact]
    public void Scores_outside_one_to_five_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegmentMap.Classify(0, 3));
}
