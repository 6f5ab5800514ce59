using Nexus.Core.Platforms.WooCommerce;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>Reads the copied fixtures from the test output folder (never from ../shared).</summary>
internal static class WooFixtures
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "woocommerce", name));

    /// <summary>A single-object fixture wrapped as a one-element page, the shape the page mappers take.</summary>
    public static byte[] AsPage(string name) => [(byte)'[', .. Bytes(name), (byte)']'];

    public static byte[] Utf8(string json) => System.Text.Encoding.UTF8.GetBytes(json);

    public static WooCommerceMappingOptions Options { get; } = new("USD", new Uri("https://example.com/"));

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
