using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace Nexus.Web.Analytics;

/// <summary>The one Plotly look every chart shares (title, height, tight margins, transparent background).</summary>
public static class ChartLayouts
{
    /// <param name="leftMargin">Room for the y-axis labels; category labels such as "2026-11 (412)" need more than numbers.</param>
    public static Layout Basic(string title, int height = 360, string? xTitle = null, string? yTitle = null, int leftMargin = 60) => new()
    {
        Title = new Title { Text = title },
        Height = height,
        Margin = new Margin { L = leftMargin, R = 20, T = 50, B = 60 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle } }],
    };
}
