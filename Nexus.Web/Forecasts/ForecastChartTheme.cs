using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace Nexus.Web.Forecasts;

/// <summary>
/// A Plotly layout readable in light and dark mode: transparent backgrounds, mid-grey text and faint grid lines
/// that work on both (Plotly's default dark-grey text disappears on a dark page). Local to the Forecasts page until
/// the shared chart theming lands; same shape as <c>ChartLayouts.Basic</c> so it can be folded into it.
/// </summary>
public static class ForecastChartTheme
{
    public const string Text = "#8a8f98";
    public const string Grid = "rgba(138,143,152,0.25)";
    public const string Line = "#2f80ed";
    public const string Band80 = "rgba(47,128,237,0.30)";
    public const string Band95 = "rgba(47,128,237,0.15)";
    public const string History = "#8a8f98";

    public static Layout Layout(string title, string yTitle, int height = 380) => new()
    {
        Title = new Title { Text = title, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Color = Text } },
        Height = height,
        Margin = new Margin { L = 70, R = 20, T = 50, B = 50 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = Text },
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.15m }],
        XAxis = [new XAxis { GridColor = Grid }],
        YAxis = [new YAxis { GridColor = Grid, Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
    };
}
