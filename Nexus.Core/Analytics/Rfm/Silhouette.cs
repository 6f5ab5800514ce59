namespace Nexus.Core.Analytics.Rfm;

/// <summary>Mean silhouette coefficient (Rousseeuw 1987) with Euclidean distance.</summary>
internal static class Silhouette
{
    /// <summary>
    /// Mean of s(i) = (b − a) / max(a, b) over <paramref name="sample"/>, where a is i's mean distance to
    /// its own cluster and b the smallest mean distance to another cluster (both within the sample);
    /// s(i) = 0 for members of singleton clusters, by Rousseeuw's convention.
    /// </summary>
    public static double Mean(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, int k, IReadOnlyList<int> sample)
    {
        var total = 0.0;
        var sums = new double[k];
        var counts = new int[k];
        foreach (var i in sample)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            foreach (var j in sample)
            {
                if (j == i) continue;
                sums[labels[j]] += Distance(points[i], points[j]);
                counts[labels[j]]++;
            }
            var own = labels[i];
            if (counts[own] == 0) continue; // singleton: s = 0
            var a = sums[own] / counts[own];
            var b = double.MaxValue;
            for (var c = 0; c < k; c++)
                if (c != own && counts[c] > 0) b = Math.Min(b, sums[c] / counts[c]);
            if (b == double.MaxValue) continue;
            var denominator = Math.Max(a, b);
            total += denominator > 0 ? (b - a) / denominator : 0;
        }
        return total / sample.Count;
    }

    private static double Distance(double[] x, double[] y)
    {
        var s = 0.0;
        for (var d = 0; d < x.Length; d++) s += (x[d] - y[d]) * (x[d] - y[d]);
        return Math.Sqrt(s);
    }
}
