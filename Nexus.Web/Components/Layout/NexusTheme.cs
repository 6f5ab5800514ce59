using MudBlazor;

namespace Nexus.Web.Components.Layout;

/// <summary>The one Nexus theme, shared by the app layout and the sign-in pages. System fonts only: the app never calls outside hosts.</summary>
public static class NexusTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            AppbarBackground = "#283593",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7986cb",
            Secondary = "#4db6ac",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
