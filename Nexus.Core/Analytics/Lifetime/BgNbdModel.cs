using MathNet.Numerics;

namespace Nexus.Core.Analytics.Lifetime;

/// <summary>
/// The beta-geometric/negative binomial (BG/NBD) purchase-frequency model.
/// Reference: P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "Counting Your Customers the Easy Way:
/// An Alternative to the Pareto/NBD Model", Marketing Science 24(2):275–284, and Hardie's note
/// "Implementing the BG/NBD Model for Customer Base Analysis in Excel".
/// All quantities use the time unit of the <see cref="CustomerSummary"/> the model was fitted on.
/// </summary>
public sealed class BgNbdModel(BgNbdParameters parameters) : IPurchaseModel
{
    public PurchaseModelKind Kind => PurchaseModelKind.BgNbd;

    /// <summary>Fitted (or given) parameters.</summary>
    public BgNbdParameters Parameters { get; } = parameters;

    /// <summary>
    /// Fits r, α, a, b by maximum likelihood: minimises −(1/N)Σ LL(x, t_x, T) + penalty·Σθ², searching log θ
    /// (see <see cref="LogSpaceOptimizer"/>). Time is rescaled so the oldest customer has T = 10 while
    /// searching (as <c>lifetimes</c> does, so α starts near the right magnitude), then α is scaled back.
    /// </summary>
    /// <param name="customers">Summaries; customers with x = 0 count too (they carry the dropout information).</param>
    /// <param name="l2Penalty">Optional ridge penalty on the (scaled) parameters; 0 = pure MLE (the published reference).</param>
    public static BgNbdModel Fit(IReadOnlyList<CustomerSummary> customers, double l2Penalty = 0)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0) throw new ArgumentException("no customers to fit", nameof(customers));
        var scale = 10.0 / Math.Max(customers.Max(c => c.Age), double.Epsilon);

        // Speed (100k customers take thousands of objective evaluations): customers with identical (x, t_x, T)
        // contribute identical terms, so each distinct triple is evaluated once and weighted by its count, and the
        // log-gamma part (ln A₁ + ln A₂), which depends on x alone, once per distinct x per evaluation.
        var groups = customers
            .GroupBy(c => (c.Frequency, c.Recency, c.Age))
            .Select(g => (X: g.Key.Frequency, Tx: g.Key.Recency * scale, T: g.Key.Age * scale, Count: (double)g.Count()))
            .OrderBy(g => g.X).ThenBy(g => g.Tx).ThenBy(g => g.T)
            .ToArray();
        var distinctX = groups.Select(g => g.X).Distinct().ToArray();
        var xIndex = groups.Select(g => Array.BinarySearch(distinctX, g.X)).ToArray();
        var frequencyTerms = new double[distinctX.Length];

        double Objective(double[] theta)
        {
            var p = new BgNbdParameters(theta[0], theta[1], theta[2], theta[3]);
            for (var k = 0; k < distinctX.Length; k++) frequencyTerms[k] = FrequencyTerm(p, distinctX[k]);
            var sum = 0.0;
            for (var i = 0; i < groups.Length; i++)
            {
                var g = groups[i];
                sum += g.Count * (frequencyTerms[xIndex[i]] + TimingTerm(p, g.X, g.Tx, g.T));
            }
            return -sum / customers.Count + l2Penalty * theta.Sum(v => v * v);
        }

        var best = LogSpaceOptimizer.Minimize(Objective, [1, 1, 1, 1]);
        return new BgNbdModel(new BgNbdParameters(best[0], best[1] / scale, best[2], best[3]));
    }

    /// <summary>
    /// Individual log-likelihood, FHL (2005) eq. 6, written as ln(A₁A₂) + ln(A₃ + δ_{x&gt;0}A₄) with
    /// <list type="bullet">
    /// <item>ln A₁ = lnΓ(r+x) − lnΓ(r) + r ln α</item>
    /// <item>ln A₂ = lnB(a, b+x) − lnB(a, b) = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)</item>
    /// <item>ln A₃ = −(r+x) ln(α+T)</item>
    /// <item>ln A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)</item>
    /// </list>
    /// The sum A₃ + A₄ is taken by log-sum-exp so large x or T never under/overflows.
    /// </summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double tx, double T) =>
        FrequencyTerm(p, x) + TimingTerm(p, x, tx, T);

    /// <summary>ln A₁ + ln A₂: the part of the log-likelihood that depends on x only.</summary>
    private static double FrequencyTerm(BgNbdParameters p, int x)
    {
        var (r, alpha, a, b) = p;
        var lnA1 = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * Math.Log(alpha);
        var lnA2 = SpecialFunctions.BetaLn(a, b + x) - SpecialFunctions.BetaLn(a, b);
        return lnA1 + lnA2;
    }

    /// <summary>ln(A₃ + δ_{x&gt;0}A₄) by log-sum-exp.</summary>
    private static double TimingTerm(BgNbdParameters p, int x, double tx, double T)
    {
        var (r, alpha, a, b) = p;
        var lnA3 = -(r + x) * Math.Log(alpha + T);
        if (x == 0) return lnA3;
        var lnA4 = Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + tx);
        var max = Math.Max(lnA3, lnA4);
        return max + Math.Log(Math.Exp(lnA3 - max) + Math.Exp(lnA4 - max));
    }

    /// <summary>
    /// P(alive | x, t_x, T), FHL (2005) eq. 13: 1 / (1 + δ_{x&gt;0} · a/(b+x−1) · ((α+T)/(α+t_x))^{r+x}).
    /// A customer with no repeat purchase cannot have dropped out yet (dropout happens only right after a purchase), so it is 1.
    /// </summary>
    public double ProbabilityAlive(int x, double tx, double T)
    {
        if (x == 0) return 1.0;
        var (r, alpha, a, b) = Parameters;
        var logOdds = Math.Log(a / (b + x - 1)) + (r + x) * Math.Log((alpha + T) / (alpha + tx));
        return 1.0 / (1.0 + Math.Exp(logOdds));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T], the expected number of purchases in the next <paramref name="t"/> time units, FHL (2005) eq. 10:
    /// <code>
    ///   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)]
    ///   ───────────────────────────────────────────────────────────────────── ,  z = t/(α+T+t)
    ///        1 + δ_{x&gt;0} · a/(b+x−1) · ((α+T)/(α+t_x))^{r+x}
    /// </code>
    /// Numerics: Euler's transformation ₂F₁(A,B;C;z) = (1−z)^{C−A−B} ₂F₁(C−A, C−B; C; z) turns the bracketed
    /// product into (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series converges fast and never
    /// overflows for heavy buyers (the untransformed series' terms grow like z^n·(r+x)ₙ(b+x)ₙ/(…)).
    /// </summary>
    public double ExpectedPurchases(double t, int x, double tx, double T)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        if (t == 0) return 0;
        var (r, alpha, a, b) = Parameters;
        var z = t / (alpha + T + t);
        var oneMinusZ = (alpha + T) / (alpha + T + t);
        var hyp = Hypergeometric.Gauss2F1(a + b - 1 - r, a - 1, a + b + x - 1, z);
        var numerator = (a + b + x - 1) / (a - 1) * (1 - Math.Pow(oneMinusZ, a - 1) * hyp);
        return numerator * ProbabilityAlive(x, tx, T);
    }
}
