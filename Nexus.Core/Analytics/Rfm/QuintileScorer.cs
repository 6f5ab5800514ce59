namespace Nexus.Core.Analytics.Rfm;

/// <summary>Quintile scores 1–5 by rank.</summary>
/// <remarks>
/// Tie rule (deterministic and order-independent): equal values share their average rank ρ (1-based,
/// ascending), and the score is the quintile of the mid-rank percentile (ρ − ½)/n, i.e.
/// ⌊5(ρ − ½)/n⌋ + 1. So tied customers always get the same score — e.g. the many
/// one-order customers all share one F score instead of being split across quintiles by an arbitrary
/// tie-breaker such as customer id — with distinct values each quintile holds n/5 customers, and a
/// population where everyone is equal (or a single customer) sits in the middle, score 3.
/// </remarks>
public static class QuintileScorer
{
    /// <summary>Scores each value 1 (lowest fifth) … 5 (highest fifth); result is aligned with the input.</summary>
    public static int[] Score(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var scores = new int[n];
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) end++;
            // 1-based ranks start+1 … end+1 → 2ρ = start+end+2; ⌊5(2ρ − 1)/(2n)⌋ + 1 in exact integers:
            long twiceAverageRank = start + end + 2;
            var score = (int)(5 * (twiceAverageRank - 1) / (2L * n)) + 1;
            for (var k = start; k <= end; k++) scores[order[k]] = score;
            start = end + 1;
        }
        return scores;
    }
}
