using Nexus.Core.Analytics.Rfm;

namespace Nexus.Tests.Analytics.Rfm;

public class QuintileScorerTests
{
    [Fact]
    public void Distinct_values_fill_each_quintile_equally()
    {
        var scores = QuintileScorer.Score([10.0, 3, 7, 1, 9, 2, 8, 4, 6, 5]);
        Assert.Equal([5, 2, 4, 1, 5, 1, 4, 2, 3, 3], scores);
    }

    [Fact]
    public void Ties_share_one_score_from_their_average_rank_whatever_the_input_order()
    {
        // Six customers with one order, then 2, 3, 5, 8: the six 1s have average rank 3.5 of 10 → ⌊5·3/10⌋ + 1 = 2.
        double[] values = [1, 1, 1, 1, 1, 1, 2, 3, 5, 8];
        var scores = QuintileScorer.Score(values);
        Assert.Equal([2, 2, 2, 2, 2, 2, 4, 4, 5, 5], scores);

        var reversed = values.Reverse().ToArray();
        Assert.Equal(scores.Reverse(), QuintileScorer.Score(reversed));
    }

    [Fact]
    public void A_single_customer_or_all_equal_values_sit_in_the_middle()
    {
        Assert.Equal([3], QuintileScorer.Score([42.0]));
        Assert.All(QuintileScorer.Score([3.0, 3, 3, 3]), s => Assert.Equal(3, s));
    }
}
