using MathNet.Numerics;

namespace Nexus.Core.Analytics.Lifetime;

/// <summary>
/// The modified BG/NBD (MBG/NBD) model: as BG/NBD, but a customer may also drop out right after the first
/// purchase, so a one-time buyer silent for two years is probably gone (BG/NBD gives such a customer P(alive) = 1).
/// Reference: E. P. Batislam, M. Denizel, A. Filiztekin (2007), "Empirical validation and comparison of models for
/// customer base analysis", International Journal of Research in Marketing 24(3):201–209; the formulas as
/// implemented in <c>lifetimes.ModifiedBetaGeoFitter</c> and BTYDplus <c>mbgnbd</c>. Published CDNOW estimate
/// (BTYDplus, lifetimes' test suite): r = 0.525, α = 6.183, a = 0.891, b = 1.614.
/// </summary>
public sealed class MbgNbdModel(BgNbdParameters parameters) : IPurchaseModel
{
    public PurchaseModelKind Kind => PurchaseModelKind.MbgNbd;

    public BgNbdParameters Parameters { get; } = parameters;

    /// <summary>Maximum likelihood over log θ with time rescaled so the oldest customer has T = 10 (as <see cref="BgNbdModel.Fit"/>).</summary>
    public static MbgNbdModel Fit(IReadOnlyList<CustomerSummary> customers, double l2Penalty = 0)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0) throw new ArgumentException("no customers to fit", nameof(customers));
        var scale = 10.0 / Math.Max(customers.Max(c => c.Age), double.Epsilon);
        var groups = customers
            .GroupBy(c => (c.Frequency, c.Recency, c.Age))
            .Select(g => (X: g.Key.Frequency, Tx: g.Key.Recency * scale, T: g.Key.Age * scale, Count: (double)g.Count()))
            .OrderBy(g => g.X).ThenBy(g => g.Tx).ThenBy(g => g.T)
            .ToArray();

        double Objective(double[] theta)
        {
            var p = new BgNbdParameters(theta[0], theta[1], theta[2], theta[3]);
            var sum = 0.0;
            foreach (var g in groups) sum += g.Count * LogLikelihood(p, g.X, g.Tx, g.T);
            return -sum / customers.Count + l2Penalty * theta.Sum(v => v * v);
        }

        var best = LogSpaceOptimizer.Minimize(Objective, [1, 1, 1, 1]);
        return new MbgNbdModel(new BgNbdParameters(best[0], best[1] / scale, best[2], best[3]));
    }

    /// <summary>
    /// Individual log-likelihood: ln A₁ + ln A₂ + ln(A₃ + A₄) for every x (no δ_{x&gt;0}: dropout can follow the first purchase), with
    /// ln A₁ = lnΓ(r+x) − lnΓ(r) + r ln α, ln A₂ = lnB(a, b+x+1) − lnB(a, b), ln A₃ = −(r+x) ln(α+T),
    /// ln A₄ = ln a − ln(b+x) − (r+x) ln(α+t_x); the sum by log-sum-exp.
    /// </summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double tx, double T)
    {
        var (r, alpha, a, b) = p;
        var lnA1 = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * Math.Log(alpha);
        var lnA2 = SpecialFunctions.BetaLn(a, b + x + 1) - SpecialFunctions.BetaLn(a, b);
        var lnA3 = -(r + x) * Math.Log(alpha + T);
        var lnA4 = Math.Log(a) - Math.Log(b + x) - (r + x) * Math.Log(alpha + tx);
        var max = Math.Max(lnA3, lnA4);
        return lnA1 + lnA2 + max + Math.Log(Math.Exp(lnA3 - max) + Math.Exp(lnA4 - max));
    }

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^{r+x}); below 1 even without a repeat purchase.</summary>
    public double ProbabilityAlive(int x, double tx, double T)
    {
        var (r, alpha, a, b) = Parameters;
        var logOdds = Math.Log(a / (b + x)) + (r + x) * Math.Log((alpha + T) / (alpha + tx));
        return 1.0 / (1.0 + Math.Exp(logOdds));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x+1; a+b+x; z)] · P(alive), z = t/(α+T+t).
    /// As for BG/NBD, Euler's transformation turns the bracket into 1 − (1−z)^{a−1} ₂F₁(a+b−r, a−1; a+b+x; z),
    /// whose series converges fast for heavy buyers.
    /// </summary>
    public double ExpectedPurchases(double t, int x, double tx, double T)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        if (t == 0) return 0;
        var (r, alpha, a, b) = Parameters;
        var z = t / (alpha + T + t);
        var oneMinusZ = (alpha + T) / (alpha + T + t);
        var hyp = Hypergeometric.Gauss2F1(a + b - r, a - 1, a + b + x, z);
        var bracket = (a + b + x) / (a - 1) * (1 - Math.Pow(oneMinusZ, a - 1) * hyp);
        return bracket * ProbabilityAlive(x, tx, T);
    }
}
