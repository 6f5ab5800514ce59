using Nexus.Core.Analytics.Forecasting.Sales;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Nexus.Web.Components.Pages.Forecasts;

/// <summary>Plotly traces for a forecast and for its backtest; the numbers come from the engine, this only lays them out.</summary>
internal static class ForecastTraces
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static IList<ITrace> Build(SalesForecast forecast, int horizon)
    {
        var result = forecast.Result!;
        var h = Math.Min(horizon, result.Path.Horizon);
        var x = forecast.ForecastStarts().Take(h).Select(d => (object)Day(d)).ToList();
        IList<object> Take(double[] values) => values.Take(h).Select(v => (object)Math.Round(v, 2)).ToList();
        return new List<ITrace>
        {
            new Scatter
            {
                Name = "History", Mode = ModeFlag.Lines,
                X = forecast.History.PeriodStarts.Select(d => (object)Day(d)).ToList(),
                Y = forecast.History.Values.Select(v => (object)Math.Round(v, 2)).ToList(),
                Line = new Line { Color = ForecastColours.History, Width = 1.5m },
            },
            Band(x, Take(result.Path.Upper95), "95 % upper", null, false),
            Band(x, Take(result.Path.Lower95), "95 % interval", ForecastColours.Band95, true),
            Band(x, Take(result.Path.Upper80), "80 % upper", null, false),
            Band(x, Take(result.Path.Lower80), "80 % interval", ForecastColours.Band80, true),
            new Scatter
            {
                Name = "Forecast", Mode = ModeFlag.Lines | ModeFlag.Markers, X = x, Y = Take(result.Path.Mean),
                Line = new Line { Color = ForecastColours.Line, Width = 2.5m },
            },
        };
    }

    /// <summary>Actual values around the backtest and each origin's forecast against them.</summary>
    public static IList<ITrace> Backtest(SalesForecast forecast)
    {
        var result = forecast.Result!;
        var history = forecast.History;
        var traces = new List<ITrace>();
        if (result.Backtest.Count == 0) return traces;
        var from = Math.Max(0, result.Backtest.Min(o => o.TrainingLength) - 2 * result.Path.Horizon);
        traces.Add(new Scatter
        {
            Name = "Actual", Mode = ModeFlag.Lines,
            X = history.PeriodStarts.Skip(from).Select(d => (object)Day(d)).ToList(),
            Y = history.Values.Skip(from).Select(v => (object)Math.Round(v, 2)).ToList(),
            Line = new Line { Color = ForecastColours.History, Width = 1.5m },
        });
        foreach (var origin in result.Backtest)
        {
            traces.Add(new Scatter
            {
                Name = $"Forecast from {Day(history.PeriodStarts[origin.TrainingLength - 1])}",
                Mode = ModeFlag.Lines,
                X = history.PeriodStarts.Skip(origin.TrainingLength).Take(origin.Forecast.Length).Select(d => (object)Day(d)).ToList(),
                Y = origin.Forecast.Select(v => (object)Math.Round(v, 2)).ToList(),
                Line = new Line { Width = 2m, Dash = "dash" },
            });
        }
        return traces;
    }

    private static Scatter Band(IList<object> x, IList<object> y, string name, string? fill, bool legend) => new()
    {
        Name = name, Mode = ModeFlag.Lines, X = x, Y = y, ShowLegend = legend,
        Line = new Line { Width = 0, Color = "rgba(0,0,0,0)" },
        Fill = fill is null ? null : FillEnum.ToNextY,
        FillColor = fill,
    };
}
