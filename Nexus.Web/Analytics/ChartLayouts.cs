using MudBlazor.Utilities;
using Nexus.Web.Components.Layout;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace Nexus.Web.Analytics;

/// <summary>Light or dark, as the merchant chose in the app bar; cascaded from the layout to every chart.</summary>
public sealed record ChartTheme(bool Dark);

/// <summary>
/// The one Plotly look every chart shares: title, height, tight margins, transparent background, and text and
/// gridlines in the MudBlazor theme's colours for light or dark mode (<see cref="Themed"/>, applied by NexusChart).
/// </summary>
public static class ChartLayouts
{
    /// <summary>
    /// One colour direction for every heat map and the treemap: light = little, dark = much. Plotly's named scales
    /// ("Blues", "Greens") run the other way (dark = low), which read as "everything is bad" on the cohort map.
    /// </summary>
    public static readonly object[][] LowToHighBlue = [[0, "#e8eaf6"], [0.5, "#7986cb"], [1, "#1a237e"]];

    public static readonly object[][] LowToHighGreen = [[0, "#e8f5e9"], [0.5, "#66bb6a"], [1, "#1b5e20"]];

    /// <param name="leftMargin">Room for the y-axis labels; category labels such as "2026-11 (412)" need more than numbers.</param>
    public static Layout Basic(string title, int height = 360, string? xTitle = null, string? yTitle = null, int leftMargin = 60) => new()
    {
        Title = new Title { Text = title },
        Height = height,
        Margin = new Margin { L = leftMargin, R = 20, T = 50, B = 60 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle } }],
    };

    /// <summary>A time series with a legend under it and the value axis from zero (forecasts, sync durations).</summary>
    public static Layout TimeSeries(string? title, string yTitle, int height = 380, int topMargin = 50)
    {
        var layout = Basic(title ?? "", height, yTitle: yTitle, leftMargin: 70);
        layout.Margin = new Margin { L = 70, R = 20, T = topMargin, B = 50 };
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.15m }];
        layout.YAxis![0].RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero;
        return layout;
    }

    /// <summary>
    /// Colours a layout for the current mode from the MudBlazor palette: the global font (titles, ticks, axis titles,
    /// legends and colour bars inherit it) in the palette's text colour, gridlines and axis lines in its divider
    /// colours, background transparent so the paper behind shows. Plotly's defaults are dark grey text and white
    /// gridlines, unreadable and harsh on a dark page.
    /// </summary>
    public static Layout Themed(Layout layout, bool dark)
    {
        MudBlazor.Palette palette = dark ? NexusTheme.Theme.PaletteDark : NexusTheme.Theme.PaletteLight;
        var text = Css(palette.TextPrimary);
        var grid = Css(palette.Divider);
        var line = Css(palette.LinesDefault);
        layout.PaperBgColor = "rgba(0,0,0,0)";
        layout.PlotBgColor = "rgba(0,0,0,0)";
        layout.Font = new Font { Color = text, Family = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" };
        layout.HoverLabel = new HoverLabel { BgColor = Css(palette.Surface), Font = new Plotly.Blazor.LayoutLib.HoverLabelLib.Font { Color = text } };
        foreach (var axis in layout.XAxis ?? [])
        {
            (axis.GridColor, axis.ZeroLineColor, axis.LineColor) = (grid, line, line);
        }
        foreach (var axis in layout.YAxis ?? [])
        {
            (axis.GridColor, axis.ZeroLineColor, axis.LineColor) = (grid, line, line);
        }
        return layout;
    }

    private static string Css(MudColor colour) => colour.ToString(MudColorOutputFormats.RGBA);
}
