using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Rfm;

namespace Nexus.Tests.Analytics.Rfm;

public class RfmClusteringTests
{
    private static readonly DateOnly AsOf = new(2024, 12, 31);

    /// <summary>Three well separated synthetic groups (group name = customer id prefix), seeded noise.</summary>
    private static RfmReport ThreeGroups()
    {
        var random = new Random(7);
        var tx = new List<Transaction>();
        void Group(string name, int customers, int recencyDays, int orders, decimal orderValue)
        {
            for (var c = 0; c < customers; c++)
            {
                var last = AsOf.AddDays(-(int)(recencyDays * (0.8 + 0.4 * random.NextDouble()))).ToDateTime(TimeOnly.MinValue);
                var n = Math.Max(1, (int)(orders * (0.8 + 0.4 * random.NextDouble())));
                for (var k = 0; k < n; k++)
                    tx.Add(new Transaction($"{name}-{c}", new DateTimeOffset(last.AddDays(-k), TimeSpan.Zero),
                        orderValue * (decimal)(0.8 + 0.4 * random.NextDouble())));
            }
        }
        Group("vip", 40, 3, 30, 200m);
        Group("mid", 60, 60, 6, 50m);
        Group("gone", 80, 400, 1, 10m);
        return RfmAnalysis.Run(tx, AsOf);
    }

    [Fact]
    public void Finds_the_three_groups_and_recovers_them_exactly()
    {
        var report = ThreeGroups();
        var result = RfmClustering.Cluster(report.Customers);

        Assert.Equal(3, result.ClusterCount);
        var groupsByCluster = report.Customers.Select((c, i) => (Cluster: result.Assignments[i], Group: c.CustomerId.Split('-')[0]))
            .GroupBy(p => p.Cluster)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Group).Distinct().ToArray());
        Assert.All(groupsByCluster.Values, groups => Assert.Single(groups)); // every cluster is pure
        Assert.Equal(["vip"], groupsByCluster[1]); // clusters are numbered best first
        Assert.Equal(["gone"], groupsByCluster[3]);
        Assert.True(result.SilhouetteByK[3] > result.SilhouetteByK[2] && result.SilhouetteByK[3] > result.SilhouetteByK[8]);
    }

    [Fact]
    public void Is_deterministic_and_the_cross_tab_accounts_for_everyone()
    {
        var report = ThreeGroups();
        var first = RfmClustering.Cluster(report.Customers);
        var second = RfmClustering.Cluster(report.Customers);

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.SilhouetteByK, second.SilhouetteByK);
        Assert.Equal(report.Customers.Count, first.SegmentCrossTab.Sum(x => x.Customers));
        Assert.Equal(report.Customers.Count, first.Clusters.Sum(c => c.Customers));
        foreach (var cell in first.SegmentCrossTab)
            Assert.Equal(
                report.Customers.Where((c, i) => first.Assignments[i] == cell.Cluster && c.Segment == cell.Segment).Count(),
                cell.Customers);
    }

    [Fact]
    public void Cross_tab_lookups_count_each_cluster_and_segment_pair_and_zero_for_pairs_that_never_occur()
    {
        var report = ThreeGroups();
        var result = RfmClustering.Cluster(report.Customers);

        var segments = report.Customers.Select(c => c.Segment).Distinct().Order().ToList();
        Assert.Equal(segments, result.CrossTabSegments);
        foreach (var cluster in result.Clusters.Select(c => c.Cluster))
            foreach (var segment in Enum.GetValues<RfmSegment>())
                Assert.Equal(report.Customers.Where((c, i) => result.Assignments[i] == cluster && c.Segment == segment).Count(),
                    result.CustomersIn(cluster, segment));
    }

    [Fact]
    public void Silhouette_sample_keeps_the_choice_on_a_large_input()
    {
        var report = ThreeGroups();
        var sampled = RfmClustering.Cluster(report.Customers, new RfmClusteringOptions(SilhouetteSampleSize: 90));
        Assert.Equal(3, sampled.ClusterCount);
    }
}
