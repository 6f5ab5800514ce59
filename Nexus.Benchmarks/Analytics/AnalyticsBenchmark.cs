using System.Globalization;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Lifetime;
using Nexus.Core.Analytics.Rfm;

namespace Nexus.Benchmarks.Analytics;

/// <summary>
/// <c>bench analytics</c>: RFM scoring and the BG/NBD + Gamma-Gamma CLV fit and scoring on seeded synthetic
/// transactions, against a baseline measured in the same run on the same data: one plain pass that builds
/// per-customer count/sum/first/last (the least work any per-customer analysis must do).
/// </summary>
public sealed class AnalyticsBenchmark(TimeProvider time) : IBenchmark
{
    /// <summary>Standard size: 100,000 customers (about one million orders).</summary>
    public const int DefaultCustomers = 100_000;

    /// <summary>Seed of the synthetic data; fixed so every run measures the same work.</summary>
    public const int Seed = 42;

    public string Name => "analytics";

    public string Description =>
        "RFM scoring and BG/NBD + Gamma-Gamma CLV (fit + scoring) on seeded synthetic transactions (100k customers, ~1M orders; --size sets customers), vs a plain per-customer pass over the same data";

    public Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var customers = options.Size ?? DefaultCustomers;
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 10, nameof(options.Size));
        var process = new SyntheticCustomerProcess();
        var end = process.End;
        var clvOptions = new LifetimeValueOptions(end);

        options.Progress?.Report($"generating {customers:N0} customers (seed {Seed})…");
        var data = SyntheticTransactions.Generate(customers, Seed, process);

        // JIT and first-call costs (ML.NET is not used here, but MathNet and LINQ paths are) must not be billed
        // to whichever measurement happens to run first, so every measured step runs once on a small set.
        options.Progress?.Report("warming up…");
        var warmUp = SyntheticTransactions.Generate(500, Seed + 1, process);
        PlainCustomerPass(warmUp);
        RfmAnalysis.Run(warmUp, end);
        LifetimeValueAnalysis.Run(warmUp, clvOptions);

        cancellationToken.ThrowIfCancellationRequested();
        options.Progress?.Report($"baseline: plain per-customer pass over {data.Count:N0} orders…");
        var (baselineSeconds, baselineCustomers) = Measure(() => PlainCustomerPass(data));

        cancellationToken.ThrowIfCancellationRequested();
        options.Progress?.Report("RFM scoring…");
        var (rfmSeconds, rfm) = Measure(() => RfmAnalysis.Run(data, end));

        cancellationToken.ThrowIfCancellationRequested();
        options.Progress?.Report("CLV fit + scoring…");
        var (clvSeconds, clv) = Measure(() => LifetimeValueAnalysis.Run(data, clvOptions));

        if (rfm.Customers.Count != baselineCustomers || clv.Customers.Count != baselineCustomers)
            throw new InvalidOperationException(
                $"customer counts disagree: baseline {baselineCustomers}, RFM {rfm.Customers.Count}, CLV {clv.Customers.Count}");

        const string baselineName = "plain per-customer pass";
        var figures = new List<BenchmarkFigure>
        {
            new("baseline: plain per-customer pass", baselineSeconds, "s"),
            new("RFM scoring", rfmSeconds, "s", baselineSeconds, baselineName),
            new("CLV fit + scoring", clvSeconds, "s", baselineSeconds, baselineName),
            new("RFM throughput", baselineCustomers / rfmSeconds, "customers/s", baselineCustomers / baselineSeconds, baselineName),
            new("CLV throughput", baselineCustomers / clvSeconds, "customers/s", baselineCustomers / baselineSeconds, baselineName),
        };
        var weeks = (double)(int)TimeUnit.Weeks;
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"BG/NBD fitted r={clv.BgNbd.R:F3} α={clv.BgNbd.Alpha:F2} a={clv.BgNbd.A:F3} b={clv.BgNbd.B:F3} (weeks); generated from r={process.R} α={process.Alpha / weeks:F2} a={process.A} b={process.B}"),
            string.Create(CultureInfo.InvariantCulture,
                $"Gamma-Gamma fitted p={clv.GammaGamma.P:F3} q={clv.GammaGamma.Q:F3} γ={clv.GammaGamma.Gamma:F1} on {clv.GammaGammaCustomers:N0} repeat buyers; generated from p={process.SpendShape} q={process.SpendQ} γ={process.SpendGamma}"),
        };
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{baselineCustomers:N0} customers, {data.Count:N0} orders, {SyntheticTransactions.Start:yyyy-MM-dd}..{end:yyyy-MM-dd} (seed {Seed})");
        return Task.FromResult(new BenchmarkResult(Name, workload, figures, notes));
    }

    private (double Seconds, T Result) Measure<T>(Func<T> work)
    {
        var started = time.GetTimestamp();
        var result = work();
        return (time.GetElapsedTime(started).TotalSeconds, result);
    }

    /// <summary>The baseline: one dictionary pass collecting orders, spend and first/last day per customer.</summary>
    private static int PlainCustomerPass(IReadOnlyList<Transaction> transactions)
    {
        var perCustomer = new Dictionary<string, (int Orders, decimal Spend, DateOnly First, DateOnly Last)>(StringComparer.Ordinal);
        foreach (var t in transactions)
        {
            var day = t.Day;
            perCustomer[t.CustomerId] = perCustomer.TryGetValue(t.CustomerId, out var c)
                ? (c.Orders + 1, c.Spend + t.Amount, day < c.First ? day : c.First, day > c.Last ? day : c.Last)
                : (1, t.Amount, day, day);
        }
        return perCustomer.Count;
    }
}
