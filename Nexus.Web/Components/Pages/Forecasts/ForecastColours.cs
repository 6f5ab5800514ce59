namespace Nexus.Web.Components.Pages.Forecasts;

/// <summary>
/// Series colours of the forecast charts, chosen to read on both light and dark paper (the text, gridlines and
/// background come from the shared <c>ChartLayouts.Themed</c> through NexusChart).
/// </summary>
internal static class ForecastColours
{
    public const string Line = "#2f80ed";
    public const string Band80 = "rgba(47,128,237,0.30)";
    public const string Band95 = "rgba(47,128,237,0.15)";
    public const string History = "#8a8f98";
}
