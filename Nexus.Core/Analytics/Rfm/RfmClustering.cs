using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Nexus.Core.Analytics.Rfm;

/// <summary>Settings for <see cref="RfmClustering.Cluster"/>.</summary>
/// <param name="MinClusters">Smallest k tried (≥ 2).</param>
/// <param name="MaxClusters">Largest k tried.</param>
/// <param name="Seed">Seeds ML.NET (k-means++ initialisation) and the silhouette sample.</param>
/// <param name="SilhouetteSampleSize">Customers used to score each k (silhouette is O(n²)).</param>
public sealed record RfmClusteringOptions(int MinClusters = 2, int MaxClusters = 8, int Seed = 42, int SilhouetteSampleSize = 2000);

/// <summary>One cluster's size and average raw R/F/M. Clusters are numbered 1..k from most to least valuable.</summary>
public sealed record RfmClusterProfile(int Cluster, int Customers, double AverageRecencyDays, double AverageFrequency, decimal AverageMonetary);

/// <summary>Number of customers of one named segment inside one cluster.</summary>
public sealed record ClusterSegmentCount(int Cluster, RfmSegment Segment, int Customers);

/// <summary>Result of <see cref="RfmClustering.Cluster"/>.</summary>
/// <param name="ClusterCount">The chosen k.</param>
/// <param name="SilhouetteByK">Mean silhouette for every k tried (the selection criterion).</param>
/// <param name="Assignments">Cluster (1..k) per customer, aligned with the input list.</param>
/// <param name="Clusters">Profile per cluster.</param>
/// <param name="SegmentCrossTab">Non-zero cluster × named-segment counts, ordered by cluster then segment.</param>
public sealed record RfmClusteringResult(
    int ClusterCount,
    IReadOnlyDictionary<int, double> SilhouetteByK,
    IReadOnlyList<int> Assignments,
    IReadOnlyList<RfmClusterProfile> Clusters,
    IReadOnlyList<ClusterSegmentCount> SegmentCrossTab)
{
    /// <summary>The named segments that occur in any cluster, in the segments' own order (the cross-tab's columns).</summary>
    public IReadOnlyList<RfmSegment> CrossTabSegments => SegmentCrossTab.Select(x => x.Segment).Distinct().Order().ToList();

    /// <summary>Customers of <paramref name="segment"/> in <paramref name="cluster"/>; 0 when the pair does not occur.</summary>
    public int CustomersIn(int cluster, RfmSegment segment) =>
        SegmentCrossTab.FirstOrDefault(x => x.Cluster == cluster && x.Segment == segment)?.Customers ?? 0;
}

/// <summary>
/// k-means alternative to the fixed segment grid: clusters customers on standardised
/// (log(1+R), log F, log(1+M)) with ML.NET and picks k by the best mean silhouette.
/// </summary>
/// <remarks>
/// Logs because R, F and M are heavily right-skewed (a few customers with hundreds of orders would
/// otherwise be clusters on their own); 1+ for R and M because 0 days and 0 spend are legal, negative
/// net spend is floored at 0. Standardising (z-scores) gives the three dimensions equal weight.
/// Silhouette rather than the elbow because it needs no judgement call to read and penalises both
/// too few and too many clusters. Deterministic: MLContext(seed), one training thread, seeded sample.
/// </remarks>
public static class RfmClustering
{
    /// <summary>Clusters the customers of an RFM run.</summary>
    public static RfmClusteringResult Cluster(IReadOnlyList<CustomerRfm> customers, RfmClusteringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= new RfmClusteringOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinClusters, 2);
        var maxK = Math.Min(options.MaxClusters, customers.Count - 1);
        if (maxK < options.MinClusters)
            throw new InsufficientDataException($"k-means needs more than {options.MinClusters} customers to cluster, got {customers.Count}");

        var points = Standardise(customers.Select(c => new[]
        {
            Math.Log(1 + c.RecencyDays), Math.Log(Math.Max(c.Frequency, 1)), Math.Log(1 + Math.Max((double)c.Monetary, 0)),
        }).ToArray());
        var sample = SeededSample(customers.Count, options.SilhouetteSampleSize, options.Seed);

        var silhouettes = new SortedDictionary<int, double>();
        int[]? bestLabels = null;
        var bestK = 0;
        for (var k = options.MinClusters; k <= maxK; k++)
        {
            var labels = KMeans(points, k, options.Seed);
            silhouettes[k] = Silhouette.Mean(points, labels, k, sample);
            if (bestLabels is null || silhouettes[k] > silhouettes[bestK]) (bestK, bestLabels) = (k, labels);
        }

        var assignments = RankClustersByValue(points, bestLabels!, bestK);
        var profiles = Enumerable.Range(1, bestK).Select(cluster =>
        {
            var members = customers.Where((_, i) => assignments[i] == cluster).ToArray();
            return new RfmClusterProfile(cluster, members.Length, members.Average(c => c.RecencyDays),
                members.Average(c => c.Frequency), members.Sum(c => c.Monetary) / members.Length);
        }).ToList();
        var crossTab = customers.Select((c, i) => (Cluster: assignments[i], c.Segment))
            .GroupBy(p => p).OrderBy(g => g.Key.Cluster).ThenBy(g => g.Key.Segment)
            .Select(g => new ClusterSegmentCount(g.Key.Cluster, g.Key.Segment, g.Count())).ToList();

        return new RfmClusteringResult(bestK, silhouettes, assignments, profiles, crossTab);
    }

    private static int[] KMeans(double[][] points, int k, int seed)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(points.Select(p => new FeatureRow { Features = p.Select(v => (float)v).ToArray() }));
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1, // multi-threaded training is not reproducible
            MaximumNumberOfIterations = 1000,
        });
        var predicted = trainer.Fit(data).Transform(data);
        // PredictedLabel is 1-based; silhouette wants 0..k-1.
        return predicted.GetColumn<uint>("PredictedLabel").Select(l => (int)l - 1).ToArray();
    }

    // ML.NET's label numbering is arbitrary; renumber 1..k by mean "value" (−R + F + M in z-units, highest
    // first) so cluster 1 is always the best customers and results read the same run to run.
    private static int[] RankClustersByValue(double[][] points, int[] labels, int k)
    {
        var value = new double[k];
        var count = new int[k];
        for (var i = 0; i < points.Length; i++)
        {
            value[labels[i]] += -points[i][0] + points[i][1] + points[i][2];
            count[labels[i]]++;
        }
        var rank = Enumerable.Range(0, k).OrderByDescending(c => count[c] == 0 ? double.MinValue : value[c] / count[c]).ThenBy(c => c).ToArray();
        var newNumber = new int[k];
        for (var position = 0; position < k; position++) newNumber[rank[position]] = position + 1;
        return labels.Select(l => newNumber[l]).ToArray();
    }

    private static double[][] Standardise(double[][] rows)
    {
        var dims = rows[0].Length;
        for (var d = 0; d < dims; d++)
        {
            var mean = rows.Average(r => r[d]);
            var sd = Math.Sqrt(rows.Average(r => (r[d] - mean) * (r[d] - mean)));
            if (sd == 0) sd = 1; // constant feature: centred, carries no distance
            foreach (var r in rows) r[d] = (r[d] - mean) / sd;
        }
        return rows;
    }

    private static int[] SeededSample(int n, int size, int seed)
    {
        var indices = Enumerable.Range(0, n).ToArray();
        if (size >= n) return indices;
        var random = new Random(seed);
        for (var i = 0; i < size; i++) // partial Fisher–Yates
        {
            var j = random.Next(i, n);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        return indices[..size];
    }

    private sealed class FeatureRow
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
