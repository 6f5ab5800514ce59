namespace Nexus.Core.Analytics.Forecasting;

/// <summary>
/// A small Nelder-Mead minimiser over a few parameters. MathNet's <c>NelderMeadSimplex</c> allocates a vector per
/// evaluation and stops on an absolute tolerance; a forecast fit evaluates a likelihood thousands of times over
/// series of very different scale, so this one works in place and stops on a relative tolerance (as R's optim does).
/// </summary>
internal static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/>; <paramref name="steps"/> sizes the first simplex.</summary>
    public static (double[] Point, double Value) Minimise(Func<double[], double> f, double[] start, double[] steps,
        int maxEvaluations = 2000, double relativeTolerance = 1e-8)
    {
        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0) simplex[i][i - 1] += steps[i - 1];
            values[i] = Safe(f(simplex[i]));
        }
        var evaluations = n + 1;
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        var restarted = false;
        while (evaluations < maxEvaluations)
        {
            Order(simplex, values);
            var best = values[0];
            var worst = values[n];
            if (Math.Abs(worst - best) <= relativeTolerance * (Math.Abs(best) + relativeTolerance))
            {
                // One restart around the best point guards against a collapsed simplex stopping short of the optimum.
                if (restarted || evaluations + n + 1 >= maxEvaluations) break;
                restarted = true;
                for (var i = 1; i <= n; i++)
                {
                    Array.Copy(simplex[0], simplex[i], n);
                    simplex[i][i - 1] += steps[i - 1] * 0.1;
                    values[i] = Safe(f(simplex[i]));
                }
                evaluations += n;
                continue;
            }
            Array.Clear(centroid);
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;

            for (var j = 0; j < n; j++) trial[j] = centroid[j] + (centroid[j] - simplex[n][j]);
            var reflected = Safe(f(trial)); evaluations++;
            if (reflected < values[0])
            {
                for (var j = 0; j < n; j++) trial2[j] = centroid[j] + 2 * (centroid[j] - simplex[n][j]);
                var expanded = Safe(f(trial2)); evaluations++;
                if (expanded < reflected) Replace(simplex, values, n, trial2, expanded);
                else Replace(simplex, values, n, trial, reflected);
            }
            else if (reflected < values[n - 1])
            {
                Replace(simplex, values, n, trial, reflected);
            }
            else
            {
                var outside = reflected < values[n];
                for (var j = 0; j < n; j++)
                    trial2[j] = outside ? centroid[j] + 0.5 * (trial[j] - centroid[j]) : centroid[j] + 0.5 * (simplex[n][j] - centroid[j]);
                var contracted = Safe(f(trial2)); evaluations++;
                if (contracted < Math.Min(reflected, values[n]))
                {
                    Replace(simplex, values, n, trial2, contracted);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        for (var j = 0; j < n; j++) simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        values[i] = Safe(f(simplex[i]));
                    }
                    evaluations += n;
                }
            }
        }
        Order(simplex, values);
        return (simplex[0], values[0]);
    }

    private static double Safe(double v) => double.IsFinite(v) ? v : double.MaxValue;

    private static void Replace(double[][] simplex, double[] values, int index, double[] point, double value)
    {
        Array.Copy(point, simplex[index], point.Length);
        values[index] = value;
    }

    private static void Order(double[][] simplex, double[] values)
    {
        // Insertion sort: the simplex is tiny and nearly sorted after each step.
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var p = simplex[i];
            var j = i - 1;
            while (j >= 0 && values[j] > v)
            {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = v;
            simplex[j + 1] = p;
        }
    }
}
