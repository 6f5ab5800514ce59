namespace Nexus.Core.Analytics.Rfm;

/// <summary>
/// Maps (R score, FM score) to a named segment — the widely used 5×5 "R vs FM" grid (the regular
/// expression map popularised by RFM tutorials, e.g. <c>5[4-5]</c> = Champions, with the F axis replaced
/// by the combined FM score, and its low-low corner split into Hibernating (R = 2) and Lost (R = 1)).
/// <code>
///  FM\R   1             2             3               4                  5
///   5     Can't lose    Can't lose    Loyal           Loyal              Champions
///   4     At risk       At risk       Loyal           Loyal              Champions
///   3     At risk       At risk       Need attention  Potential loyalist Potential loyalist
///   2     Lost          Hibernating   About to sleep  Potential loyalist Potential loyalist
///   1     Lost          Hibernating   About to sleep  Promising          New customers
/// </code>
/// </summary>
public static class RfmSegmentMap
{
    /// <summary>FM = (F + M) / 2 rounded half up, so (5,4) → 5 and (1,2) → 2: spend and frequency weigh equally.</summary>
    public static int FmScore(int frequencyScore, int monetaryScore)
    {
        ValidateScore(frequencyScore, nameof(frequencyScore));
        ValidateScore(monetaryScore, nameof(monetaryScore));
        return (frequencyScore + monetaryScore + 1) / 2;
    }

    /// <summary>The segment of a customer with the given recency score and FM score (both 1–5).</summary>
    public static RfmSegment Classify(int recencyScore, int fmScore)
    {
        ValidateScore(recencyScore, nameof(recencyScore));
        ValidateScore(fmScore, nameof(fmScore));
        return (recencyScore, fmScore) switch
        {
            (5, >= 4) => RfmSegment.Champions,
            (3 or 4, >= 4) => RfmSegment.LoyalCustomers,
            (4 or 5, 2 or 3) => RfmSegment.PotentialLoyalist,
            (5, 1) => RfmSegment.NewCustomers,
            (4, 1) => RfmSegment.Promising,
            (3, 3) => RfmSegment.NeedAttention,
            (3, _) => RfmSegment.AboutToSleep,
            (_, 5) => RfmSegment.CantLoseThem,
            (_, >= 3) => RfmSegment.AtRisk,
            (2, _) => RfmSegment.Hibernating,
            _ => RfmSegment.Lost,
        };
    }

    /// <summary>Human-readable segment name ("Can't lose them").</summary>
    public static string DisplayName(RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => "Champions",
        RfmSegment.LoyalCustomers => "Loyal",
        RfmSegment.PotentialLoyalist => "Potential loyalist",
        RfmSegment.NewCustomers => "New customers",
        RfmSegment.Promising => "Promising",
        RfmSegment.NeedAttention => "Need attention",
        RfmSegment.AboutToSleep => "About to sleep",
        RfmSegment.AtRisk => "At risk",
        RfmSegment.CantLoseThem => "Can't lose them",
        RfmSegment.Hibernating => "Hibernating",
        RfmSegment.Lost => "Lost",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
    };

    private static void ValidateScore(int score, string name)
    {
        if (score is < 1 or > 5) throw new ArgumentOutOfRangeException(name, score, "scores are 1–5");
    }
}
