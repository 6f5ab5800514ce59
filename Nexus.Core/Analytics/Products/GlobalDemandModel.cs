using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Nexus.Core.Analytics.Products;

/// <summary>One product's daily history as the global model reads it: units and net revenue per day from the first sale.</summary>
public sealed record ProductHistory(double[] Units, double[] Revenue, DateOnly FirstSale);

/// <summary>
/// The global model's horizon totals per product and cutoff: <c>Total(i, 0)</c> is the forecast from the as-of day,
/// <c>Total(i, k)</c> the backtest forecast from k horizons earlier (made by a model trained only on what was known
/// then); null where the product was too young at that cutoff, or for every product when the catalogue was too small.
/// </summary>
public sealed class GlobalForecasts(double?[,]? totals)
{
    public static readonly GlobalForecasts None = new(null);

    public bool Trained => totals is not null;

    public double? Total(int product, int backtestsBack) => totals?[product, backtestsBack];

    /// <summary>The product's totals as a lookup by k, what <see cref="ProductForecaster.Forecast"/> takes.</summary>
    public Func<int, double?>? For(int product) => totals is null ? null : k => totals[product, k];
}

/// <summary>
/// A global ML.NET FastTree regression trained across all products at once (the "global model" of the M5 competition's
/// winners): one product's short, noisy history cannot show a weekly pattern or what a price cut does, but the
/// catalogue together can. The target is a product's mean daily units over the next H days divided by its recent daily
/// rate (so one tree serves products selling 0.01 and 10 a day), predicted from:
/// the last 7 days (lags), 7/28/90-day rolling means, the share of selling days in the last 90, price per unit (log, and
/// the last 28 days' price against the last 365 days'), the first forecast day's day of week and day of month, and the
/// product's age. Direct on the horizon total, which is what the chooser scores. One model per cutoff: the backtest's
/// forecast from k horizons back comes from a model that saw only the days before it, so its backtest is honest.
/// Deterministic: seeded context, one thread, rows in catalogue order.
/// </summary>
public static class GlobalDemandModel
{
    public const string MethodName = "global";

    public const string Description = "global gradient-boosted trees across all products (lags, rolling means, price, calendar, product age)";

    /// <summary>Days a product must have sold for before a training or forecast row is made from it (its rolling means need them).</summary>
    public const int MinimumAge = 28;

    /// <summary>Fewer training rows than this across the catalogue and there is nothing "global" to learn.</summary>
    public const int MinimumTrainingRows = 200;

    /// <summary>Training rows per model: enough for 60 trees of 16 leaves, few enough to train in seconds.</summary>
    public const int RowBudget = 60_000;

    /// <summary>Training origins step back this many days, coprime with 7 so every day of the week appears.</summary>
    private const int OriginStride = 5;

    private const int MaxOriginsPerProduct = 28;
    private const int Lags = 7;
    private const int FeatureCount = Lags + 10;
    private const int Seed = 16;

    private sealed class Row
    {
        [VectorType(FeatureCount)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    /// <summary>
    /// Trains the model for each cutoff (k = 0 … <paramref name="backtests"/> horizons before the day after
    /// <paramref name="asOf"/>) and forecasts every product's horizon total from it.
    /// </summary>
    public static GlobalForecasts Fit(IReadOnlyList<ProductHistory> products, DateOnly asOf, int horizon, int backtests)
    {
        ArgumentNullException.ThrowIfNull(products);
        var cutoffs = backtests + 1;
        var training = Enumerable.Range(0, cutoffs).Select(_ => new List<Row>()).ToArray();
        var forecastRows = Enumerable.Range(0, cutoffs).Select(_ => new List<(int Product, double Scale, Row Row)>()).ToArray();
        var perProduct = Math.Clamp(RowBudget / Math.Max(1, products.Count), 2, MaxOriginsPerProduct);
        var forecastStart = asOf.DayNumber + 1;
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var sums = new Prefix(p);
            for (var k = 0; k < cutoffs; k++)
            {
                // The cutoff as an index into this product's days: the first day the model must not see.
                var cut = forecastStart - k * horizon - p.FirstSale.DayNumber;
                if (cut > p.Units.Length) continue;
                if (cut >= MinimumAge && Features(sums, p, cut) is { } f) forecastRows[k].Add((i, f.Scale, new Row { Features = f.Values }));
                // Training origins end their target before the cutoff; offset by product so the weekdays spread.
                for (int j = 0, o = cut - horizon - i % 7; j < perProduct && o >= MinimumAge; j++, o -= OriginStride)
                    if (Features(sums, p, o) is { } t)
                        training[k].Add(new Row { Features = t.Values, Label = (float)(sums.Units(o, o + horizon) / horizon / t.Scale) });
            }
        }
        if (training.Any(t => t.Count < MinimumTrainingRows)) return GlobalForecasts.None;

        var totals = new double?[products.Count, cutoffs];
        var ml = new MLContext(Seed);
        for (var k = 0; k < cutoffs; k++)
        {
            if (forecastRows[k].Count == 0) continue;
            var model = Trainer(ml).Fit(ml.Data.LoadFromEnumerable(training[k]));
            var scores = model.Transform(ml.Data.LoadFromEnumerable(forecastRows[k].Select(r => r.Row))).GetColumn<float>("Score").ToArray();
            for (var r = 0; r < scores.Length; r++)
            {
                var (product, scale, _) = forecastRows[k][r];
                totals[product, k] = Math.Max(0, scores[r]) * scale * horizon;
            }
        }
        return new GlobalForecasts(totals);
    }

    private static FastTreeRegressionTrainer Trainer(MLContext ml) => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
    {
        NumberOfTrees = 60,
        NumberOfLeaves = 16,
        MinimumExampleCountPerLeaf = 10,
        LearningRate = 0.1,
        MaximumBinCountPerFeature = 64,
        DiskTranspose = false,
        NumberOfThreads = 1,
    });

    /// <summary>
    /// The features known at origin <paramref name="o"/> (days 0 … o−1 observed) and the scale the target is divided by:
    /// the last 90 days' daily rate, or the whole history's when those 90 days sold nothing. Null when nothing sold yet.
    /// </summary>
    private static (float[] Values, double Scale)? Features(Prefix sums, ProductHistory p, int o)
    {
        var mean90 = sums.Units(o - 90, o) / Math.Min(90, o);
        var scale = mean90 > 0 ? mean90 : sums.Units(0, o) / o;
        if (scale <= 0) return null;
        var f = new float[FeatureCount];
        for (var lag = 1; lag <= Lags; lag++) f[lag - 1] = o - lag >= 0 ? (float)(p.Units[o - lag] / scale) : 0;
        f[Lags] = (float)(sums.Units(o - 7, o) / Math.Min(7, o) / scale);
        f[Lags + 1] = (float)(sums.Units(o - 28, o) / Math.Min(28, o) / scale);
        f[Lags + 2] = (float)(mean90 / scale);
        f[Lags + 3] = (float)(sums.SellingDays(o - 90, o) / Math.Min(90, o));
        var price = sums.Price(o - 90, o) ?? sums.Price(0, o) ?? 0;
        f[Lags + 4] = (float)Math.Log(1 + price);
        f[Lags + 5] = sums.Price(o - 28, o) is { } recent && sums.Price(o - 365, o) is { } year && year > 0 ? (float)(recent / year) : 1;
        var first = p.FirstSale.AddDays(o);
        f[Lags + 6] = (int)first.DayOfWeek;
        f[Lags + 7] = first.Day;
        f[Lags + 8] = o;
        f[Lags + 9] = (float)Math.Log(scale);
        return (f, scale);
    }

    /// <summary>Prefix sums of a product's units, revenue and selling days: every window sum in O(1).</summary>
    private sealed class Prefix
    {
        private readonly double[] _units;
        private readonly double[] _revenue;
        private readonly int[] _selling;

        public Prefix(ProductHistory p)
        {
            var n = p.Units.Length;
            (_units, _revenue, _selling) = (new double[n + 1], new double[n + 1], new int[n + 1]);
            for (var t = 0; t < n; t++)
            {
                _units[t + 1] = _units[t] + p.Units[t];
                _revenue[t + 1] = _revenue[t] + p.Revenue[t];
                _selling[t + 1] = _selling[t] + (p.Units[t] != 0 ? 1 : 0);
            }
        }

        public double Units(int from, int to) => _units[to] - _units[Math.Max(0, from)];

        public double SellingDays(int from, int to) => _selling[to] - _selling[Math.Max(0, from)];

        /// <summary>Net revenue per unit over the window; null when it sold nothing.</summary>
        public double? Price(int from, int to)
        {
            var units = Units(from, to);
            return units > 0 ? (_revenue[to] - _revenue[Math.Max(0, from)]) / units : null;
        }
    }
}
