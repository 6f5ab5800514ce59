using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Nexus.Core.Analytics.Forecasting;

/// <summary>
/// ML.NET FastTree (gradient-boosted regression trees) on lag and calendar features, one model for all steps ahead
/// (the "direct" strategy: the step is a feature). Trees cannot extrapolate a level they have not seen, so the target
/// is the change from the origin scaled by the series' typical step change, and the features are recent scaled
/// changes, the change a season ago, the position in the season, the step ahead and the distance of the last value
/// from its recent mean. Used only on long histories. Deterministic: seeded context, one thread.
/// </summary>
public static class GradientBoostedModel
{
    /// <summary>Training origins needed before the model is tried.</summary>
    public const int MinimumHistory = 120;

    private const int Lags = 6;
    private const int MaxOrigins = 100;
    private const int FeatureCount = Lags + 5;

    private const int Seed = 17;

    /// <summary>
    /// One context per thread: creating one costs more than a small fit. Sharing it keeps results reproducible because
    /// this configuration of FastTree draws no random numbers (no bagging, all features in every tree).
    /// </summary>
    [ThreadStatic] private static MLContext? context;

    private sealed class Row
    {
        [VectorType(FeatureCount)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    /// <summary>A model trained on one history that forecasts from the end of any later history of the same series.</summary>
    public sealed class Trained
    {
        private readonly MLContext _ml;
        private readonly ITransformer _model;
        private readonly int _season;
        private readonly double _scale;
        private readonly int _horizon;

        internal Trained(MLContext ml, ITransformer model, int season, double scale, int horizon)
        {
            (_ml, _model, _season, _scale, _horizon) = (ml, model, season, scale, horizon);
        }

        /// <summary>Forecasts up to the trained horizon from the end of <paramref name="history"/> (which must start where the training series did).</summary>
        public double[] Forecast(double[] history, int horizon)
        {
            var n = history.Length;
            var steps = Math.Min(horizon, _horizon);
            var future = Enumerable.Range(1, steps).Select(h => new Row { Features = Features(history, n, h, _season, _scale) }).ToList();
            var scores = _model.Transform(_ml.Data.LoadFromEnumerable(future)).GetColumn<float>("Score").ToArray();
            var result = new double[steps];
            for (var h = 0; h < steps; h++) result[h] = history[n - 1] + scores[h] * _scale;
            return result;
        }
    }

    /// <summary>Point forecasts (no intervals: the caller derives them from backtest errors), or null on short history.</summary>
    public static double[]? Forecast(double[] y, int horizon, int m) => Train(y, horizon, m)?.Forecast(y, horizon);

    /// <summary>Trains on <paramref name="y"/> for steps 1..<paramref name="horizon"/>; null when the history is too short.</summary>
    public static Trained? Train(double[] y, int horizon, int m)
    {
        var n = y.Length;
        var season = m > 1 && n > 3 * m ? m : 0;
        var first = Math.Max(Lags + 1, season + 1);
        if (n - horizon - first < MinimumHistory) return null;
        var scale = 0.0;
        for (var t = 1; t < n; t++) scale += Math.Abs(y[t] - y[t - 1]);
        scale /= n - 1;
        if (scale <= 0) return null;

        // Origin t means "the last observation is y[t−1]"; a row per origin and step ahead.
        var rows = new List<Row>();
        for (var t = Math.Max(first, n - horizon - MaxOrigins); t + horizon <= n; t++)
            for (var h = 1; h <= horizon; h++)
                rows.Add(new Row { Features = Features(y, t, h, season, scale), Label = (float)((y[t + h - 1] - y[t - 1]) / scale) });

        var ml = context ??= new MLContext(Seed);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = 25,
            NumberOfLeaves = 12,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.2,
            MaximumBinCountPerFeature = 64,
            DiskTranspose = false,
            NumberOfThreads = 1,
        });
        return new Trained(ml, trainer.Fit(ml.Data.LoadFromEnumerable(rows)), season, scale, horizon);
    }

    private static float[] Features(double[] y, int t, int h, int season, double scale)
    {
        var f = new float[FeatureCount];
        for (var k = 1; k <= Lags; k++) f[k - 1] = (float)((y[t - k] - y[t - k - 1]) / scale);
        f[Lags] = h;
        // What happened over the same steps whole seasons ago, and where in the season the target falls. Steps beyond
        // one season look back as many seasons as it takes to land on an observed value (before the origin), so the
        // feature never reads the future: not in training, and not past the end of the history when forecasting.
        var seasonsBack = season > 0 ? (h + season - 1) / season : 0;
        var echo = t + h - 1 - seasonsBack * season;
        var echoBase = t - 1 - seasonsBack * season;
        f[Lags + 1] = season > 0 && echoBase >= 0 ? (float)((y[echo] - y[echoBase]) / scale) : 0;
        f[Lags + 2] = season > 0 ? (t + h - 1) % season : 0;
        var window = Math.Min(13, t);
        var mean = 0.0;
        for (var k = 1; k <= window; k++) mean += y[t - k];
        mean /= window;
        f[Lags + 3] = (float)((y[t - 1] - mean) / scale);
        var longWindow = Math.Min(52, t);
        var longMean = 0.0;
        for (var k = 1; k <= longWindow; k++) longMean += y[t - k];
        f[Lags + 4] = (float)((y[t - 1] - longMean / longWindow) / scale);
        return f;
    }
}
