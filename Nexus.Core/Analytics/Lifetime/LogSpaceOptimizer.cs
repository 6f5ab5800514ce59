using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Nexus.Core.Analytics.Lifetime;

/// <summary>Maximum-likelihood helper shared by the lifetime models.</summary>
/// <remarks>
/// All model parameters are strictly positive, so the search runs over their logarithms: the
/// optimiser is unconstrained and can never step into an invalid region. Nelder-Mead needs no
/// gradient (the likelihoods involve log-gamma and log-sum-exp terms whose analytic gradients are
/// easy to get subtly wrong); simplex methods can stall on a collapsed simplex, so the search is
/// restarted from the optimum with a fresh simplex, as Nelder &amp; Mead (1965) and Numerical Recipes advise.
/// </remarks>
internal static class LogSpaceOptimizer
{
    private const double Tolerance = 1e-12;
    private const int MaxIterations = 20_000;

    /// <summary>Minimises <paramref name="objective"/>(positive parameters) starting from <paramref name="initial"/>; returns the positive minimiser.</summary>
    public static double[] Minimize(Func<double[], double> objective, double[] initial)
    {
        var logObjective = ObjectiveFunction.Value(v =>
        {
            var value = objective(v.Select(e => Math.Exp(e)).ToArray());
            // Overflowing regions (e.g. exp of a huge log-parameter) must look bad, not be a NaN that stalls the simplex.
            return double.IsFinite(value) ? value : double.MaxValue;
        });

        var point = Vector<double>.Build.DenseOfEnumerable(initial.Select(v => Math.Log(v)));
        for (var run = 0; run < 2; run++) // first search + one restart from its optimum
        {
            var perturbation = Vector<double>.Build.Dense(point.Count, 0.5);
            var result = NelderMeadSimplex.Minimum(logObjective, point, perturbation, Tolerance, MaxIterations);
            point = result.MinimizingPoint;
        }
        return point.Select(e => Math.Exp(e)).ToArray();
    }
}
